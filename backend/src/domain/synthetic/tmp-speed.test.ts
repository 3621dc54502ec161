import { referenceCompanyAt } from './reference-generator';
it('speed', () => {
  for (let round = 0; round < 3; round++) {
    const a = process.hrtime.bigint();
    let sink = 0;
    for (let i = 0; i < 100_000; i++) sink += referenceCompanyAt(1, i).name.length;
    console.log(Number(process.hrtime.bigint() - a) / 1e5 / 1000, 'µs', sink);
  }
});
