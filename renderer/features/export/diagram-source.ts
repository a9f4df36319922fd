export { assessmentDiagramSvg as diagramSvgOf } from '../../../shared/report';
