import { nicknameGroups } from './nicknames';

describe('nicknameGroups', () => {
  it('has at least 60 groups of two or more names', () => {
    expect(nicknameGroups.length).toBeGreaterThanOrEqual(60);
    for (const group of nicknameGroups) expect(group.length).toBeGreaterThanOrEqual(2);
  });

  it('holds only lowercase letters', () => {
    for (const name of nicknameGroups.flat()) expect(name).toMatch(/^[a-z]+$/);
  });

  it('never puts a name in two groups', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const group of nicknameGroups) {
      for (const name of group) {
        const owner = seen.get(name);
        if (owner !== undefined) clashes.push(`${name} in ${owner} and ${group[0]}`);
        seen.set(name, group[0] as string);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ['robert', 'bob'],
    ['william', 'bill'],
    ['elizabeth', 'liz'],
    ['katherine', 'kate'],
    ['katherine', 'catherine'],
    ['michael', 'mike'],
    ['sharon', 'shazza'],
  ])('puts %s first in the group holding %s', (canonical, nickname) => {
    const group = nicknameGroups.find((g) => g.includes(nickname));
    expect(group?.[0]).toBe(canonical);
  });
});
