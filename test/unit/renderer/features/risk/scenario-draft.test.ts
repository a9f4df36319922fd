import { describe, expect, it } from 'vitest';
import { entryVectorOptions } from '../../../../../shared/risk';
import { checkScenario, scenarioDraftOf, withFr } from '../../../../../renderer/features/risk/scenario-draft';
import { aConduit, anAssessmentData, aScenario, aZone } from '../../../../fixtures/builders';

function plant() {
  const ops = aZone('Operations');
  const cell = aZone('Filling cell');
  const opsToCell = aConduit(ops, cell);
  const usb = aScenario(ops, { source: 'insider', capability: 1, likelihood: 3, techniques: ['T0847'] });
  const onConduit = aScenario(opsToCell, { source: 'criminal', capability: 2, likelihood: 2 });
  const data = anAssessmentData({
    zones: [ops, cell],
    conduits: [opsToCell],
    threatScenarios: [usb, onConduit],
  });
  return { data, ops, cell, opsToCell, usb, onConduit };
}

describe('the scenario editor draft', () => {
  it('keeps the FRs in FR order whatever order they are ticked in', () => {
    expect(withFr(['FR5'], 'FR1', true)).toEqual(['FR1', 'FR5']);
    expect(withFr(['FR1', 'FR5'], 'FR1', false)).toEqual(['FR5']);
    expect(withFr(['FR3'], 'FR3', true)).toEqual(['FR3']);
  });

  it('gives back the scenario it was made from when nothing changed', () => {
    const { data, usb } = plant();
    const checked = checkScenario(usb, scenarioDraftOf(usb), entryVectorOptions(usb, data));
    expect(checked).toEqual({ record: usb, errors: {} });
  });

  it('moves a scenario to a conduit with that conduit as its entry', () => {
    const { data, usb, opsToCell } = plant();
    const draft = {
      ...scenarioDraftOf(usb),
      target: `conduit:${opsToCell.id}`,
      entryVector: `conduit:${opsToCell.id}`,
    };
    const options = entryVectorOptions(
      { ...usb, target: { kind: 'conduit', conduitId: opsToCell.id } },
      data,
    );
    const { record } = checkScenario(usb, draft, options);
    expect(record?.target).toEqual({ kind: 'conduit', conduitId: opsToCell.id });
    expect(record?.entryVector).toEqual({ kind: 'conduit', conduitId: opsToCell.id });
  });

  it('names the techniques ATT&CK for ICS does not have, and normalises the others', () => {
    const { data, usb } = plant();
    const options = entryVectorOptions(usb, data);
    expect(checkScenario(usb, { ...scenarioDraftOf(usb), techniques: 'T0886, T9999' }, options)).toEqual({
      errors: { techniques: 'Not an ATT&CK for ICS technique: T9999 (write them like T0886)' },
    });
    const { record } = checkScenario(
      usb,
      { ...scenarioDraftOf(usb), techniques: 't0886; T0886 t0883' },
      options,
    );
    expect(record?.techniques).toEqual(['T0886', 'T0883']);
  });

  it('puts a schema failure on its field, in words', () => {
    const { data, usb } = plant();
    const { record, errors } = checkScenario(
      usb,
      { ...scenarioDraftOf(usb), title: '  ' },
      entryVectorOptions(usb, data),
    );
    expect(record).toBeUndefined();
    expect(errors).toEqual({ title: 'A scenario needs a title' });
  });
});
