import { describe, expect, it } from 'vitest';
import {
  assessRisk,
  defaultMatrix,
  isTolerable,
  riskLevel,
  zoneRiskSchema,
  type RiskInput,
} from '../../../../shared/risk';
import {
  ASSESSMENT_ID,
  aConduit,
  aCountermeasure,
  aRiskMethod,
  aScenario,
  aZone,
  aZoneRisk,
  aConduitRisk,
} from '../../../fixtures/builders';

/**
 * Hand-worked on the default 5×5 matrix (risk level from L×C: ≤4 Low, ≤9 Medium, ≤16 High,
 * else Critical; tolerable up to Medium).
 */
function plant() {
  const cell = aZone('Packaging cell');
  const dmz = aZone('Industrial DMZ', { kind: 'dmz', purdueLevel: 3.5 });
  const link = aConduit(dmz, cell);
  // Production rated Major (4), safety Minor (2): the zone's consequence is 4.
  const cellRisk = aZoneRisk(cell, { consequences: { production: 4, safety: 2 } });
  // Criminal (capability 3), Likely (4) × 4 = 16 → High: intolerable → SL 3 on every FR.
  const ransomware = aScenario(cell, {
    source: 'criminal',
    capability: 3,
    likelihood: 4,
    title: 'Ransomware via the DMZ',
  });
  // Insider (2), Possible (3) × 4 = 12 → High, but only FR2 and capability 2 < 3.
  const insider = aScenario(cell, {
    source: 'insider',
    capability: 2,
    likelihood: 3,
    frs: ['FR2'],
    title: 'Operator misuse',
  });
  const input: RiskInput = {
    method: aRiskMethod(),
    zones: [cell, dmz],
    conduits: [link],
    zoneRisks: [cellRisk],
    scenarios: [ransomware, insider],
    countermeasures: [],
  };
  return { cell, dmz, link, cellRisk, ransomware, insider, input };
}

describe('risk matrix', () => {
  it('rates the default 5×5 cells from likelihood × consequence', () => {
    expect(defaultMatrix()).toEqual([
      [1, 1, 1, 1, 2],
      [1, 1, 2, 2, 3],
      [1, 2, 2, 3, 3],
      [1, 2, 3, 3, 4],
      [2, 3, 3, 4, 4],
    ]);
    const m = aRiskMethod();
    expect(riskLevel(m, 4, 5)).toBe(4);
    expect(riskLevel(m, 3, 3)).toBe(2);
    expect(isTolerable(m, 2)).toBe(true);
    expect(isTolerable(m, 3)).toBe(false);
  });

  it('refuses a matrix whose shape, values or monotony are wrong, saying why', () => {
    expect(() => aRiskMethod({ matrix: [[1, 2], [1]] })).toThrow(
      /one row per likelihood level \(5\), it has 2/,
    );
    expect(() =>
      aRiskMethod({ matrix: defaultMatrix().map((row, l) => (l === 4 ? [1, 1, 1, 1, 1] : row)) }),
    ).toThrow(/a higher likelihood or consequence cannot give a lower risk/);
    expect(() => aRiskMethod({ tolerableLevel: 5 })).toThrow(/only 4 levels/);
    const likelihood = aRiskMethod().likelihoodLevels;
    expect(() =>
      aRiskMethod({ likelihoodLevels: likelihood.map((l, i) => (i === 3 ? { ...l, label: ' rare ' } : l)) }),
    ).toThrow(/two likelihood levels are both called \\"rare\\"/);
    expect(() =>
      aRiskMethod({ likelihoodLevels: likelihood.map((l, i) => (i === 0 ? { ...l, label: ' ' } : l)) }),
    ).toThrow(/a level needs a label/);
  });
});

describe('assessRisk', () => {
  it('takes the zone consequence as the highest category and derives SL-T from intolerable scenarios', () => {
    const { cell, ransomware, insider, input } = plant();
    const result = assessRisk(input);
    const zoneResult = result.zones.find((z) => z.zoneId === cell.id)!;
    expect(zoneResult.consequence.level).toBe(4);
    const r1 = result.scenarios.find((s) => s.scenarioId === ransomware.id)!;
    expect([r1.likelihood, r1.consequence, r1.inherent, r1.residual, r1.tolerable]).toEqual([
      4,
      4,
      3,
      3,
      false,
    ]);
    const r2 = result.scenarios.find((s) => s.scenarioId === insider.id)!;
    expect([r2.inherent, r2.tolerable]).toEqual([3, false]);
    expect(zoneResult.derived.slt).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(zoneResult.sltSource).toBe('derived');
    expect(zoneResult.slt).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(zoneResult.rationale).toBe(
      'Derived from 2 active scenarios. All FRs: SL 3 (sophisticated means with moderate resources) for criminal threats in "Ransomware via the DMZ" (High).',
    );
  });

  it('follows a changed tolerable line: High tolerated, nothing is above it, SL 1 everywhere', () => {
    const { cell, input } = plant();
    const result = assessRisk({ ...input, method: aRiskMethod({ tolerableLevel: 3 }) });
    const zoneResult = result.zones.find((z) => z.zoneId === cell.id)!;
    expect(zoneResult.derived.slt).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(result.scenarios.every((s) => s.tolerable)).toBe(true);
    expect(zoneResult.rationale).toMatch(
      /All FRs: SL 1 \(protection against casual or coincidental violation\), no scenario above the tolerable line \(High\)/,
    );
  });

  it('follows a changed matrix: a 3×3 where only the top-right cell is intolerable', () => {
    const { cell, ransomware, insider, input } = plant();
    const m = aRiskMethod({
      likelihoodLevels: [
        { label: 'Low', description: '' },
        { label: 'Mid', description: '' },
        { label: 'High', description: '' },
      ],
      consequenceLevels: [
        { label: 'Small', descriptions: {} },
        { label: 'Medium', descriptions: {} },
        { label: 'Large', descriptions: {} },
      ],
      riskLevels: [{ label: 'Acceptable' }, { label: 'Unacceptable' }],
      matrix: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 2],
      ],
      tolerableLevel: 1,
    });
    // Likelihood 4 and 3 clamp to 3 (High); consequence 4 clamps to 3 (Large): both land on the one red cell.
    const result = assessRisk({ ...input, method: m });
    expect(result.scenarios.map((s) => [s.likelihood, s.consequence, s.inherent])).toEqual([
      [3, 3, 2],
      [3, 3, 2],
    ]);
    // Lowering the insider's likelihood to Mid moves it off the red cell; the criminal one still drives SL 3.
    const lowered = assessRisk({
      ...input,
      method: m,
      scenarios: [ransomware, { ...insider, likelihood: 2 }],
    });
    expect(lowered.scenarios[1]!.tolerable).toBe(true);
    expect(lowered.zones.find((z) => z.zoneId === cell.id)!.derived.slt).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });

  it('brings a scenario under the line with a countermeasure, and lowers the derived SL-T only when the countermeasure lies outside the zone’s requirements', () => {
    const { cell, ransomware, input } = plant();
    // Jump host on the conduit: likelihood 4 − 2 = 2; 2 × 4 = 8 → Medium: tolerable.
    const jumpHost = aCountermeasure({
      title: 'Jump host for all DMZ access',
      scenarioIds: [ransomware.id],
      controls: ['jump-host'],
      likelihoodReduction: 2,
    });
    const result = assessRisk({ ...input, countermeasures: [jumpHost] });
    const r1 = result.scenarios.find((s) => s.scenarioId === ransomware.id)!;
    expect([r1.inherent, r1.residualLikelihood, r1.residualConsequence, r1.residual, r1.tolerable]).toEqual([
      3,
      2,
      4,
      2,
      true,
    ]);
    expect(r1.countermeasureIds).toEqual([jumpHost.id]);
    // The criminal scenario no longer counts; the insider one (FR2 only, capability 2) now sets FR2.
    const zoneResult = result.zones.find((z) => z.zoneId === cell.id)!;
    expect(zoneResult.derived.slt).toEqual([1, 2, 1, 1, 1, 1, 1]);
    expect(zoneResult.rationale).toMatch(
      /FR2: SL 2 \(intentional violation with simple means\) for insider threats in "Operator misuse" \(High\)/,
    );
    expect(zoneResult.rationale).toMatch(/FR1, FR3, FR4, FR5, FR6, FR7: SL 1/);

    // The same reduction from MFA (SR 1.7) lowers the residual risk but not the derivation.
    const mfa = { ...jumpHost, controls: [], itemIds: ['SR 1.7'] };
    const withMfa = assessRisk({ ...input, countermeasures: [mfa] });
    expect(withMfa.scenarios.find((s) => s.scenarioId === ransomware.id)!.tolerable).toBe(true);
    expect(withMfa.zones.find((z) => z.zoneId === cell.id)!.derived.slt).toEqual([3, 3, 3, 3, 3, 3, 3]);

    // A rejected countermeasure counts for nothing.
    const rejected = assessRisk({ ...input, countermeasures: [{ ...jumpHost, status: 'rejected' }] });
    expect(rejected.scenarios.find((s) => s.scenarioId === ransomware.id)!.residual).toBe(3);
  });

  it('adds reductions of several countermeasures and never goes below level 1', () => {
    const { ransomware, input } = plant();
    const a = aCountermeasure({ title: 'A', scenarioIds: [ransomware.id], likelihoodReduction: 3 });
    const b = aCountermeasure({
      title: 'B',
      scenarioIds: [ransomware.id],
      likelihoodReduction: 3,
      consequenceReduction: 1,
    });
    const r = assessRisk({ ...input, countermeasures: [a, b] }).scenarios.find(
      (s) => s.scenarioId === ransomware.id,
    )!;
    expect([r.residualLikelihood, r.residualConsequence, r.residual]).toEqual([1, 3, 1]);
  });

  it('raises only the FRs a scenario names', () => {
    const { cell, input } = plant();
    const apt = aScenario(cell, {
      source: 'nation-state',
      capability: 4,
      likelihood: 3,
      frs: ['FR1', 'FR5'],
      title: 'APT',
    });
    const result = assessRisk({ ...input, scenarios: [...input.scenarios, apt] });
    expect(result.zones.find((z) => z.zoneId === cell.id)!.derived.slt).toEqual([4, 3, 3, 3, 4, 3, 3]);
  });

  it('keeps a hand-set SL-T with its justification beside the derived one', () => {
    const { cell, cellRisk, input } = plant();
    const manual = {
      ...cellRisk,
      sltSource: 'manual' as const,
      manualSlt: [2, 2, 2, 2, 2, 2, 2],
      justification: 'Asset owner accepts SL 2 until the 2027 shutdown.',
    };
    const zoneResult = assessRisk({ ...input, zoneRisks: [manual] }).zones.find((z) => z.zoneId === cell.id)!;
    expect(zoneResult.sltSource).toBe('manual');
    expect(zoneResult.slt).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(zoneResult.derived.slt).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(zoneResult.rationale).toMatch(
      /^Set by hand: Asset owner accepts SL 2 until the 2027 shutdown\. \(the derivation gives \{3,3,3,3,3,3,3\}/,
    );
  });

  it('refuses a hand-set SL-T without a justification', () => {
    const { cellRisk } = plant();
    const result = zoneRiskSchema.safeParse({
      ...cellRisk,
      sltSource: 'manual',
      manualSlt: [2, 2, 2, 2, 2, 2, 2],
      justification: '  ',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['a hand-set SL-T needs a justification']);
  });

  it('derives nothing for a zone with no scenarios and keeps the SL-T typed in the diagram as set by hand', () => {
    const { dmz, input } = plant();
    const typed = { ...dmz, slt: { base: 2, overrides: { FR5: 3 } } };
    const result = assessRisk({ ...input, zones: [input.zones[0]!, typed] });
    const zoneResult = result.zones.find((z) => z.zoneId === dmz.id)!;
    expect(zoneResult.derived.slt).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(zoneResult.derived.rationale).toBe(
      'No threat scenarios have been assessed: the SL-T cannot be derived.',
    );
    expect(zoneResult.sltSource).toBe('manual');
    expect(zoneResult.slt).toEqual([2, 2, 2, 2, 3, 2, 2]);
    expect(zoneResult.warnings).toEqual([
      'the SL-T was set by hand without a justification or a risk assessment',
    ]);
    // Asked to derive, it says it cannot.
    const derivedAsked = assessRisk({ ...input, zoneRisks: [...input.zoneRisks, aZoneRisk(dmz)] });
    const asked = derivedAsked.zones.find((z) => z.zoneId === dmz.id)!;
    expect([asked.sltSource, asked.slt, asked.warnings]).toEqual([
      'derived',
      [0, 0, 0, 0, 0, 0, 0],
      ['no threat scenarios: nothing to derive the SL-T from'],
    ]);
  });

  it('gives a safety zone a safety consequence by default and a conduit the worst of its zones', () => {
    const sis = aZone('SIS', { kind: 'safety' });
    const { cell, cellRisk } = plant();
    const link = aConduit(cell, sis);
    const onLink = aScenario(link, {
      source: 'hacktivist',
      capability: 3,
      likelihood: 2,
      title: 'Tamper with trips',
    });
    const result = assessRisk({
      method: aRiskMethod(),
      zones: [cell, sis],
      conduits: [link],
      zoneRisks: [cellRisk],
      scenarios: [onLink],
      countermeasures: [],
    });
    const sisResult = result.zones.find((z) => z.zoneId === sis.id)!;
    expect(sisResult.consequence.level).toBe(5);
    expect(sisResult.consequence.defaulted).toEqual(['safety']);
    // 2 × 5 = 10 → High: intolerable, the conduit needs SL 3.
    expect(result.scenarios[0]!.consequence).toBe(5);
    expect(result.conduits[0]!.derived.slt).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(result.conduits[0]!.consequence).toBe(5);
  });

  it('ignores dropped scenarios and warns about scenarios whose zone is gone', () => {
    const { cell, input, ransomware } = plant();
    const dropped = { ...ransomware, status: 'dropped' as const, dropReason: 'Duplicate' };
    const orphan = aScenario(aZone('Gone'), {
      source: 'criminal',
      capability: 3,
      likelihood: 5,
      title: 'Orphan',
    });
    const result = assessRisk({ ...input, scenarios: [dropped, input.scenarios[1]!, orphan] });
    expect(result.scenarios).toHaveLength(1);
    expect(result.warnings).toEqual(['scenario "Orphan": its zone no longer exists']);
    expect(result.zones.find((z) => z.zoneId === cell.id)!.derived.slt).toEqual([1, 2, 1, 1, 1, 1, 1]);
    expect(ASSESSMENT_ID).toBeTruthy();
  });
});

describe('conduit SL-T', () => {
  it('is never below the lower SL-T of the two zones it joins, per FR, and says so', () => {
    const { cell, dmz, link, input } = plant();
    // The DMZ: criminal Likely × its consequence → SL 3 on FR1 and FR5 only.
    const dmzRisk = aZoneRisk(dmz, { consequences: { production: 4 } });
    const dmzScenario = aScenario(dmz, {
      source: 'criminal',
      capability: 3,
      likelihood: 4,
      frs: ['FR1', 'FR5'],
    });
    const result = assessRisk({
      ...input,
      zoneRisks: [...input.zoneRisks, dmzRisk],
      scenarios: [...input.scenarios, dmzScenario],
    });
    const zoneSlt = (id: string) => result.zones.find((z) => z.zoneId === id)!.slt;
    expect(zoneSlt(cell.id)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(zoneSlt(dmz.id)).toEqual([3, 1, 1, 1, 3, 1, 1]);
    const [conduit] = result.conduits;
    expect(conduit!.conduitId).toBe(link.id);
    expect(conduit!.derived.scenarioCount).toBe(0);
    expect(conduit!.floor).toEqual([3, 1, 1, 1, 3, 1, 1]);
    expect(conduit!.slt).toEqual([3, 1, 1, 1, 3, 1, 1]);
    expect(conduit!.rationale).toMatch(
      /^No scenarios on this conduit\. Raised to \{3,1,1,1,3,1,1\} on every FR/,
    );
    expect(conduit!.rationale).toContain('Industrial DMZ {3,1,1,1,3,1,1}');
  });

  it('keeps what its own scenarios derive where that is higher than the floor', () => {
    const { link, input } = plant();
    // On the conduit: nation-state, Likely × the worse end (4) → High → SL 4 on FR5 only.
    const espionage = aScenario(link, { source: 'nation-state', capability: 4, likelihood: 4, frs: ['FR5'] });
    const result = assessRisk({ ...input, scenarios: [...input.scenarios, espionage] });
    const [conduit] = result.conduits;
    // The DMZ has no scenarios (SL-T 0 everywhere): the floor is 0.
    expect(conduit!.floor).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(conduit!.derived.slt).toEqual([1, 1, 1, 1, 4, 1, 1]);
    expect(conduit!.slt).toEqual([1, 1, 1, 1, 4, 1, 1]);
    expect(conduit!.rationale).not.toMatch(/Raised/);
  });

  it('is held to a level set by hand with a justification, the derived one kept beside it', () => {
    const { link, input } = plant();
    const espionage = aScenario(link, { source: 'nation-state', capability: 4, likelihood: 4, frs: ['FR5'] });
    const withScenario = { ...input, scenarios: [...input.scenarios, espionage] };
    const manual = aConduitRisk(link, {
      sltSource: 'manual',
      manualSlt: [2, 2, 2, 2, 3, 2, 2],
      justification: 'The data diode on this conduit stops every write into the cell.',
    });
    const [conduit] = assessRisk({ ...withScenario, conduitRisks: [manual] }).conduits;
    expect(conduit!.sltSource).toBe('manual');
    expect(conduit!.slt).toEqual([2, 2, 2, 2, 3, 2, 2]);
    expect(conduit!.derivedSlt).toEqual([1, 1, 1, 1, 4, 1, 1]);
    expect(conduit!.justification).toBe('The data diode on this conduit stops every write into the cell.');
    expect(conduit!.rationale).toMatch(
      /^Set by hand: The data diode on this conduit stops every write into the cell\. \(the derivation gives \{1,1,1,1,4,1,1\}: Derived from 1 active scenario/,
    );
    // Back to derived: the hand-set level is kept in the record but no longer in force.
    const [derived] = assessRisk({
      ...withScenario,
      conduitRisks: [{ ...manual, sltSource: 'derived' }],
    }).conduits;
    expect(derived!.sltSource).toBe('derived');
    expect(derived!.slt).toEqual([1, 1, 1, 1, 4, 1, 1]);
  });

  it('says when a hand-set level is below the zones it joins', () => {
    const { dmz, link, input } = plant();
    // As above: the floor from the two zones is {3,1,1,1,3,1,1}.
    const dmzRisk = aZoneRisk(dmz, { consequences: { production: 4 } });
    const dmzScenario = aScenario(dmz, {
      source: 'criminal',
      capability: 3,
      likelihood: 4,
      frs: ['FR1', 'FR5'],
    });
    const manual = aConduitRisk(link, {
      sltSource: 'manual',
      manualSlt: [2, 1, 1, 1, 3, 1, 1],
      justification: 'Accepted by the asset owner.',
    });
    const [conduit] = assessRisk({
      ...input,
      zoneRisks: [...input.zoneRisks, dmzRisk],
      scenarios: [...input.scenarios, dmzScenario],
      conduitRisks: [manual],
    }).conduits;
    expect(conduit!.floor).toEqual([3, 1, 1, 1, 3, 1, 1]);
    expect(conduit!.slt).toEqual([2, 1, 1, 1, 3, 1, 1]);
    expect(conduit!.rationale).toContain(
      'It is below the lower SL-T of the zones it joins on FR1 ({3,1,1,1,3,1,1}).',
    );
  });

  it('refuses a hand-set level without a justification', () => {
    const { link } = plant();
    expect(() =>
      aConduitRisk(link, { sltSource: 'manual', manualSlt: [2, 2, 2, 2, 2, 2, 2], justification: ' ' }),
    ).toThrow('a hand-set SL-T needs a justification');
  });
});
