import { createHash } from 'crypto';
import { existsSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { bootstrapDistrict } from '../server/bootstrap';
import { buildDistrictContext } from '../server/districtContext';
import { systemHistory, taskRecordFrom } from '../server/tasks';
import { SqliteStore } from '../local/store/SqliteStore';
import type { HolidayCalendarData } from '../src/core/calendar';
import type { Catalog } from '../src/core/catalog/types';
import { addDays } from '../src/core/dates';
import type { TaskRecord, UnitRecord } from '../src/core/model';
import { tasksFor } from '../src/core/schedule/tasks';
import type { Directory, Unit } from '../src/core/units';

const ROOT = join(__dirname, '..');
const read = <T>(name: string) => JSON.parse(readFileSync(join(ROOT, 'data', name), 'utf8')) as T;

export interface ProvinceOptions {
  path: string;
  districts: number;
  unitsPerDistrict: number;
  years: number[];
  today: string;
}

function roll(text: string): number {
  return createHash('md5').update(text).digest().readUInt16BE(0) % 100;
}

/** The state a generated task is in, as if the year had gone as the demo's does. */
function progressed(task: TaskRecord, today: string): TaskRecord {
  const r = roll(task.id + task.districtId);
  const due = task.dueDate < today;
  const status = due
    ? r < 60
      ? 'approved'
      : r < 70
        ? 'submitted'
        : r < 78
          ? 'returned'
          : 'pending'
    : r < 20
      ? 'approved'
      : r < 32
        ? 'submitted'
        : r < 36
          ? 'returned'
          : 'pending';
  if (status === 'pending') return task;
  const submittedOn = due ? addDays(task.dueDate, r % 2 ? -3 : 4) : addDays(today, -((r % 20) + 1));
  const at = `${submittedOn}T02:00:00.000Z`;
  return {
    ...task,
    status,
    version: 2,
    note: '已按要求落实',
    firstSubmittedAt: at,
    firstSubmittedOn: submittedOn,
    submittedAt: at,
    reviewedAt: status === 'approved' || status === 'returned' ? at : null,
    reviewedBy: status === 'approved' || status === 'returned' ? 'bench-reviewer' : null,
  };
}

/** A district's directory: the real 昌江区 units, plus departments up to the size asked for. */
function directoryOf(index: number, base: Directory, units: number): Directory {
  const id = `d${String(index).padStart(3, '0')}`;
  // A larger district than 昌江区: more townships, each with every item of the list.
  const extra: Unit[] = Array.from({ length: Math.max(0, units - base.units.length) }, (_, n) => ({
    id: `t${n}`,
    name: `第${n + 1}镇`,
    kind: 'township',
    tags: ['综合行政执法'],
    aliases: [],
  }));
  return {
    ...base,
    district: { ...base.district, id, name: `第${index + 1}区`, fullName: `某市第${index + 1}区` },
    units: [...base.units, ...extra],
  };
}

/** Builds a province of districts in one SQLite file, with every unit's tasks for the years. */
export async function buildProvince(options: ProvinceOptions): Promise<{ tasks: number; ms: number }> {
  const started = Date.now();
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(options.path + suffix)) rmSync(options.path + suffix);
  const store = new SqliteStore(options.path);
  // Generated data only: no need to wait for the disk on every commit while building it.
  store.db.pragma('synchronous = OFF');
  const catalog = read<Catalog>('catalog.json');
  const calendar = read<HolidayCalendarData>('holidays.json');
  const base = read<Directory>('units.json');
  let tasks = 0;
  const at = `${options.today}T00:00:00.000Z`;
  for (let index = 0; index < options.districts; index += 1) {
    const directory = directoryOf(index, base, options.unitsPerDistrict);
    await bootstrapDistrict(store, { catalog, directory, calendar, at });
    const district = (await store.getDistrict(directory.district.id))!;
    const units: UnitRecord[] = directory.units.map((unit) => ({
      ...unit,
      districtId: district.id,
      disabled: false,
      updatedAt: at,
    }));
    const context = buildDistrictContext(district, units, calendar);
    const taskYears: Record<string, string> = {};
    for (const year of options.years) {
      const records = units.flatMap((unit) =>
        tasksFor(unit, year, context.forYear(year).schedule).map((spec) =>
          progressed(taskRecordFrom(spec, context, at), options.today),
        ),
      );
      tasks += await store.insertTasks(records, systemHistory);
      taskYears[String(year)] = context.fingerprint;
    }
    await store.saveDistrict({ ...district, taskYears });
  }
  await store.close();
  return { tasks, ms: Date.now() - started };
}
