import boundaries from './rules/boundaries.js';

/** The project's own lint rules. */
export default { meta: { name: 'conduit' }, rules: { boundaries } };
