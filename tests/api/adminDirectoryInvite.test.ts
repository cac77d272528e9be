import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';

/** A PNG's signature and a little more: what wxacode.getUnlimited gives back, as far as the handler cares. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('admin.units.list', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    await h.addUser('a-admin', 'admin', 'sfj');
  });

  afterAll(async () => h.close());

  it('lists the directory with kinds, tags and aliases, and a new unit appears in it', async () => {
    const before = await h.ok('a-admin', 'admin.units.list', {});
    const byId = new Map(before.units.map((unit: { id: string }) => [unit.id, unit]));
    expect(byId.get('hetang')).toMatchObject({ name: '荷塘乡', kind: 'township', disabled: false });
    expect(byId.get('zfb')).toMatchObject({ name: '区政府办公室', aliases: expect.arrayContaining(['区政府办']) });
    expect(before.units.some((unit: { tags: string[] }) => unit.tags.includes('行政执法部门'))).toBe(true);

    const { unit } = await h.ok('a-admin', 'admin.units.upsert', {
      unit: { name: '区数据局', kind: 'department', tags: ['行政执法部门'], aliases: ['数据局'] },
    });
    const after = await h.ok('a-admin', 'admin.units.list', {});
    expect(after.units).toHaveLength(before.units.length + 1);
    expect(after.units).toContainEqual({
      id: unit.id,
      name: '区数据局',
      kind: 'department',
      tags: ['行政执法部门'],
      aliases: ['数据局'],
      disabled: false,
    });
  });
});

describe('admin.units.upsert refusing to orphan a phrase of the task list', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    await h.addUser('a-admin', 'admin', 'sfj');
  });

  afterAll(async () => h.close());

  it('says which phrase would be lost (区政府办 is how the list names 区政府办公室) and changes nothing', async () => {
    const before = storeSnapshot(h.sqlite);
    const reply = await h.call('a-admin', 'admin.units.upsert', {
      unit: { id: 'zfb', name: '区政府办公室', kind: 'department', tags: [], aliases: [] },
    });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        message: '这样改后，任务清单里的“区政府办”将找不到对应单位：可把原名称加为简称',
      },
    });
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });

  it('takes the rename when the old name is kept as an alias', async () => {
    const { unit } = await h.ok('a-admin', 'admin.units.upsert', {
      unit: {
        id: 'zfb',
        name: '区人民政府办公室',
        kind: 'department',
        tags: [],
        aliases: ['区政府办', '区政府办公室'],
      },
    });
    expect(unit).toMatchObject({ id: 'zfb', name: '区人民政府办公室' });
  });
});

describe('admin.invite.create with a mini-program code', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness();
    await h.addUser('a-admin', 'admin', 'sfj');
  });

  afterEach(async () => h.close());

  it('saves the code WeChat draws for the invite and links it', async () => {
    const asked: Array<[string, string]> = [];
    h.api.miniProgramCode = async (scene, page) => {
      asked.push([scene, page]);
      return PNG;
    };
    const invite = await h.ok('a-admin', 'admin.invite.create', { unitId: 'hetang', role: 'staff' });
    expect(asked).toEqual([[invite.code, 'pages/me/index']]);
    expect(invite.qrUrl).toMatch(/^memory:\/\/mem-\d+$/);
    const fileId = invite.qrUrl!.slice('memory://'.length);
    expect(await h.files.inspect(fileId, 'changjiang')).toMatchObject({ size: PNG.length, mime: 'image/png' });
    // The scene is the code itself: it fits WeChat's 32 characters and binds as typed.
    const bound = await h.ok('o-new', 'session.bind', { inviteCode: asked[0][0], name: '新同事' });
    expect(bound.user).toMatchObject({ unitId: 'hetang', role: 'staff' });
  });

  it('still gives the invite when WeChat cannot draw the code, and says nothing of it', async () => {
    const logged: string[] = [];
    h.api.log = (message) => logged.push(message);
    h.api.miniProgramCode = async () => {
      throw new Error('errcode 41030 invalid page');
    };
    const invite = await h.ok('a-admin', 'admin.invite.create', { unitId: 'hetang', role: 'staff' });
    expect(invite).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{8}$/), maxUses: 10, qrUrl: null });
    expect(logged).toEqual(['invite mini-program code failed']);
    await h.ok('o-new', 'session.bind', { inviteCode: invite.code, name: '新同事' });
  });

  it('has no code to draw outside WeChat (the local cloud: the H5 app draws its own)', async () => {
    const invite = await h.ok('a-admin', 'admin.invite.create', { unitId: 'xijiao', role: 'reviewer' });
    expect(invite).toMatchObject({ unitName: '西郊街道', role: 'reviewer', maxUses: 1, qrUrl: null });
    expect(invite.bindPath).toBe(`pages/me/index?invite=${invite.code}`);
  });
});
