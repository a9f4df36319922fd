import { FOUNDATIONAL_REQUIREMENTS } from '../../catalogue';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { assessmentPeriod } from './front';

export function writeScope(w: ReportWriter, model: ReportModel): void {
  const a = model.data.assessment;
  w.section('Scope and method');
  w.subheading('Scope');
  w.paragraph(a.scope.trim() || 'No scope statement was recorded for this assessment.');
  w.paragraph(
    `Assessment period: ${assessmentPeriod(model)}. Assessors: ${a.assessors.join(', ') || 'not recorded'}.`,
    { color: COLORS.muted, size: 9 },
  );

  w.subheading('Method');
  w.paragraph(
    'The assessment follows IEC 62443-3-3, the part of the IEC 62443 series that sets out technical security ' +
      'requirements for an industrial automation and control system. The system is divided into zones (groups of ' +
      'assets that share security needs) joined by conduits (the permitted communication paths between zones). ' +
      'Each zone receives a target security level, and the system requirements (SRs) and requirement enhancements ' +
      '(REs) that this level calls for are checked one by one, on site, with notes and photographic evidence.',
  );
  w.paragraph(
    "Asset inventories exported by the plant's passive monitoring sensors and packet captures were used to place " +
      'assets in zones and to compare the traffic actually seen with the conduits on paper. Connections found during ' +
      'the walk-down, in interviews or in the traffic that the documentation does not show are reported separately.',
  );

  w.subheading('What the security levels mean');
  w.bullets([
    'SL 1: protects against casual or accidental misuse, such as an operator changing a setting by mistake.',
    'SL 2: protects against deliberate attacks with simple means, general skills and little motivation.',
    'SL 3: protects against deliberate, sophisticated attacks by people with control-system specific skills and moderate resources.',
    'SL 4: protects against sophisticated attacks with extensive resources, such as a well-funded, determined group.',
  ]);
  w.paragraph(
    'A level is set per foundational requirement (FR1 to FR7), so a zone has a vector of seven levels. The target ' +
      '(SL-T) is what the zone should reach. The achieved level (SL-A) for an FR is the highest level at which every ' +
      'requirement of that FR is met, covered by a compensating control, or justified as not applicable. The gap is ' +
      'the target minus the achieved level, and zero where the target is reached.',
  );
  w.table({
    head: [['FR', 'Short', 'Foundational requirement']],
    body: FOUNDATIONAL_REQUIREMENTS.map((fr) => [fr.id, fr.short, fr.name]),
    columnStyles: { 0: { cellWidth: 16 }, 1: { cellWidth: 18 } },
  });
  w.paragraph(
    `Requirement catalogue: ${model.catalogue.version} (${model.catalogue.items.length} SRs and REs).` +
      (model.catalogueMatches
        ? ''
        : ` The assessment names catalogue "${a.catalogueVersion}", which this tool does not ship; the shipped catalogue was used.`),
    { size: 9, color: COLORS.muted },
  );
}
