import type { CrmPerson } from '@accord/shared';
import { createRandom } from './random';
import { slippedPostcode, toListContact, transcribed, transcribePerson, withOcrError, withStraySpace } from './transcription-noise';

describe('transcription noise', () => {
  it.each(['montalvo', 'isabella', 'newman morris circuit', 'st huberts island'])('changes %p but keeps its first letter', (text) => {
    const random = createRandom(7);
    for (let i = 0; i < 50; i++) {
      const out = transcribed(random, text);
      expect(out.charAt(0)).toBe(text.charAt(0));
      expect(Math.abs(out.length - text.length)).toBeLessThanOrEqual(6);
    }
  });

  it.each(['', 'a', 'ab', '🚀🚀', 'x'.repeat(10_000)])('never throws on %p', (text) => {
    const random = createRandom(1);
    expect(typeof transcribed(random, text)).toBe('string');
    expect(typeof withOcrError(random, text)).toBe('string');
    expect(typeof withStraySpace(random, text)).toBe('string');
  });

  it('confuses OCR look-alikes', () => {
    expect(withOcrError(createRandom(3), 'burn')).toMatch(/^(bum|bvrn|burh|burn)$/);
  });

  it.each(['2000', '60637', '3150'])('slips one digit of %p, never the first', (postcode) => {
    const random = createRandom(11);
    for (let i = 0; i < 50; i++) {
      const out = slippedPostcode(random, postcode);
      expect(out).toHaveLength(postcode.length);
      expect(out.charAt(0)).toBe(postcode.charAt(0));
      expect(out).not.toBe(postcode);
    }
  });

  it.each(['', 'ABC', '20a0', '123'])('leaves %p, which is no postcode, alone', (postcode) => {
    expect(slippedPostcode(createRandom(1), postcode)).toBe(postcode);
  });

  it('keeps only the name and postal address of a list contact', () => {
    const crm: CrmPerson = {
      kind: 'person', id: 'x', firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com', phone: '0412345678', jobTitle: 'CEO',
      companyName: 'Acme', companyDomain: 'acme.com', linkedinUrl: 'https://linkedin.com/in/ann', street: '1 Main St', city: 'Perth',
    };
    toListContact(crm);
    expect(crm).toEqual({ kind: 'person', id: 'x', firstName: 'Ann', lastName: 'Lee', street: '1 Main St', city: 'Perth' });
  });

  it('corrupts some fields of most records when every error is certain, and none when none is', () => {
    const base = (): CrmPerson => ({ kind: 'person', id: 'x', firstName: 'Isabella', lastName: 'Montalvo', street: '42 Baskerville Street', city: 'Ventnor', postcode: '3922', state: 'VIC' });
    const random = createRandom(5);
    const untouched = base();
    transcribePerson(random, untouched, () => false);
    expect(untouched).toEqual(base());
    const corrupted = base();
    transcribePerson(random, corrupted, () => true);
    expect(corrupted).not.toEqual(base());
  });
});
