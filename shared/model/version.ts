export const TOOL_NAME = 'Conduit';
export const TOOL_VERSION = '0.1.0';
/** Version of the IEC 62443-3-3 catalogue data shipped with this build (see shared/catalogue). */
export const DEFAULT_CATALOGUE_VERSION = 'iec62443-3-3:2013+cor1:2014/conduit-1';
