import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import BackCatcher from '../../../../components/BackCatcher';
import EmptyState from '../../../../components/EmptyState';
import Skeleton from '../../../../components/Skeleton';
import type { CatalogPreviewReply, CatalogPublishReply } from '../../../../contract/replies';
import { shanghaiDate } from '../../../../core/dates';
import { extensionOf } from '../../../../core/files/uploadPolicy';
import { useDirectory } from '../../../../hooks/useAdmin';
import {
  forgetCatalogAnswers,
  useCatalogPreview,
  useCatalogPublish,
  useYearCatalog,
} from '../../../../hooks/useCatalog';
import { useSession } from '../../../../hooks/useSession';
import { PickerError, pickDocuments } from '../../../../services/filePicker';
import { uploadEvidenceFile } from '../../../../services/upload';
import { confirmChange, showRefusal } from '../manage/adminUi';
import {
  canPublish,
  choicePayload,
  droppedWork,
  listYearsWords,
  NO_CHOICES,
  shortList,
  yearOptions,
  type Choices,
} from './catalogLogic';
import DraftItems from './DraftItems';
import FixesCard, { type PickFor } from './FixesCard';
import ImpactCard from './ImpactCard';
import SourceCard, { type CatalogSource } from './SourceCard';
import UnitPicker from './UnitPicker';
import './index.scss';

interface Draft {
  source: CatalogSource;
  choices: Choices;
  years: number[];
}

function sourcePayload(source: CatalogSource) {
  return source.kind === 'file' ? { fileId: source.fileId } : { text: source.text };
}

/**
 * 管理 → 任务清单: import a district's list (a Word file or its text), see it item by item with
 * its units and deadlines as the app will read them, settle what the importer could not (the
 * units a phrase stands for, a lead unit, a date), see what publishing does to the chosen years'
 * tasks, and publish. Nothing changes until 发布.
 */
export default function CatalogAdminPage() {
  const { session, loading: sessionLoading } = useSession();
  const user = session?.user ?? null;
  const isAdmin = user?.role === 'admin' && !user.disabled;
  const today = shanghaiDate(Date.now());
  const thisYear = Number(today.slice(0, 4));
  const directory = useDirectory(isAdmin);
  const current = useYearCatalog(isAdmin ? thisYear : null);
  const preview = useCatalogPreview();
  const publish = useCatalogPublish();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [result, setResult] = useState<CatalogPreviewReply | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [picking, setPicking] = useState<PickFor | null>(null);
  const [confirmDrop, setConfirmDrop] = useState(false);
  const [published, setPublished] = useState<CatalogPublishReply | null>(null);
  const [years, setYears] = useState<number[]>([thisYear + 1]);
  // The draft the latest preview was asked for: a choice made while one runs is previewed after it.
  const wanted = useRef<Draft | null>(null);
  const running = useRef(false);

  const runPreview = useCallback(
    async (next: Draft) => {
      wanted.current = next;
      if (running.current) return;
      running.current = true;
      try {
        for (let asked: Draft | null = null; asked !== wanted.current;) {
          asked = wanted.current as Draft;
          try {
            const reply = await preview.run({
              ...sourcePayload(asked.source),
              ...choicePayload(asked.choices),
              ...(asked.years.length > 0 ? { years: asked.years } : {}),
            });
            if (reply && asked === wanted.current) {
              setResult(reply);
              setFailure(null);
            }
          } catch (caught) {
            if (asked === wanted.current) {
              setResult(null);
              setFailure((caught as Error).message);
            }
          }
        }
      } finally {
        running.current = false;
      }
    },
    [preview],
  );

  const change = (update: Partial<Draft>) => {
    if (!draft) return;
    const next = { ...draft, ...update };
    setDraft(next);
    setConfirmDrop(false);
    void runPreview(next);
  };

  const start = (source: CatalogSource) => {
    const next: Draft = { source, choices: NO_CHOICES, years };
    setDraft(next);
    setPublished(null);
    setConfirmDrop(false);
    void runPreview(next);
  };

  const pickFile = async () => {
    if (!session?.district || !user) return;
    let picked;
    try {
      [picked] = await pickDocuments(1);
    } catch (caught) {
      if (caught instanceof PickerError) showRefusal(caught.message);
      return;
    }
    if (!picked) return;
    if (extensionOf(picked.name) !== 'docx') {
      showRefusal('请选择 .docx 格式的 Word 文件。旧版 .doc 或 PDF 请在电脑上另存为 .docx，或改为粘贴文字。');
      return;
    }
    setUploading(true);
    try {
      const uploaded = await uploadEvidenceFile(picked, { districtId: session.district.id, unitId: user.unitId });
      start({ kind: 'file', fileId: uploaded.fileId, name: picked.name });
    } catch (caught) {
      showRefusal((caught as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const choose = (unitIds: string[]) => {
    if (!draft || !picking) return;
    const { choices } = draft;
    const next: Choices =
      picking.kind === 'phrase'
        ? { ...choices, phraseMap: { ...choices.phraseMap, [picking.phrase]: unitIds } }
        : { ...choices, leads: { ...choices.leads, [String(picking.itemNo)]: unitIds } };
    setPicking(null);
    change({ choices: next });
  };

  const undo = (what: { kind: 'phrase' | 'lead' | 'date'; key: string }) => {
    if (!draft) return;
    const field = what.kind === 'phrase' ? 'phraseMap' : what.kind === 'lead' ? 'leads' : 'dates';
    const rest = { ...draft.choices[field] } as Record<string, unknown>;
    delete rest[what.key];
    change({ choices: { ...draft.choices, [field]: rest } });
  };

  const toggleYear = (year: number) => {
    const next = years.includes(year) ? years.filter((candidate) => candidate !== year) : [...years, year].sort();
    setYears(next);
    change({ years: next });
  };

  const doPublish = async () => {
    if (!draft || !result) return;
    const atRisk = droppedWork(result);
    if (atRisk.length > 0 && !confirmDrop) {
      showRefusal('新清单不再包含一些已报送或已有材料的任务：请先在“发布后的变化”中勾选确认。');
      return;
    }
    const ok = await confirmChange(
      '发布任务清单',
      `发布后，${years.join('、')}年（及以后还没有另行发布清单的年份）的任务按这份清单生成；之前的年份不受影响。确定发布吗？`,
      '发布',
    );
    if (!ok) return;
    try {
      const reply = await publish.run({
        ...sourcePayload(draft.source),
        ...choicePayload(draft.choices),
        years,
        ...(confirmDrop ? { confirmDrop: true } : {}),
      });
      if (!reply) return;
      setPublished(reply);
      setDraft(null);
      setResult(null);
      forgetCatalogAnswers();
      void current.reload();
      void directory.reload();
    } catch (caught) {
      showRefusal((caught as Error).message);
    }
  };

  if (!session) return <View className="cat-page">{sessionLoading ? <Skeleton rows={4} /> : null}</View>;
  if (!isAdmin) {
    return (
      <View className="cat-page">
        <EmptyState title="只有管理员可以导入和发布任务清单" hint="各单位可在「工作台」查看本年度的任务清单。" />
      </View>
    );
  }
  const units = directory.data?.units ?? [];
  const lists = current.data?.lists ?? [];

  return (
    <View className="cat-page">
      <BackCatcher />
      <View className="cat-card">
        <Text className="cat-card__title">正在使用的清单</Text>
        {lists.map((list) => (
          <View key={list.id} className="cat-list">
            <Text className="cat-list__title">{list.title}</Text>
            <Text className="cat-list__meta">
              {`${list.docNo ? `${list.docNo} · ` : ''}${list.itemCount}项 · 适用：${listYearsWords(list)}`}
            </Text>
          </View>
        ))}
        {current.loading && lists.length === 0 ? <Skeleton rows={1} /> : null}
        <Text
          className="cat-link"
          onClick={() => void Taro.navigateTo({ url: `/packages/more/pages/catalog/index?year=${thisYear}` })}
        >
          查看清单和佐证材料要求 ›
        </Text>
      </View>

      {published ? (
        <View className="cat-card cat-card--done" role="status">
          <Text className="cat-card__title">{`已发布：${published.catalog.title}`}</Text>
          <Text className="cat-card__intro">
            {`适用：${listYearsWords(published.catalog)}，共${published.catalog.itemCount}项。各单位打开「任务」切换到该年即可看到。`}
          </Text>
          {published.aliases.map((alias) => (
            <Text key={alias.phrase} className="cat-note">
              {`已记住：“${alias.phrase}”指${shortList(alias.unitNames)}`}
            </Text>
          ))}
          <Text
            className="cat-link"
            onClick={() =>
              void Taro.navigateTo({
                url: `/packages/more/pages/catalog/index?year=${published.catalog.years?.[0] ?? thisYear}`,
              })
            }
          >
            查看发布的清单 ›
          </Text>
        </View>
      ) : null}

      <SourceCard
        source={draft?.source ?? null}
        busy={uploading || (preview.busy && !result)}
        onPickFile={() => void pickFile()}
        onText={(text) => start({ kind: 'text', text })}
      />

      {failure ? (
        <View className="cat-card cat-card--error" role="alert">
          <Text className="cat-card__title">没能读出这份清单</Text>
          <Text className="cat-card__intro">{failure}</Text>
        </View>
      ) : null}

      {draft && result ? (
        <>
          <FixesCard
            problems={result.problems}
            choices={draft.choices}
            units={units}
            today={today}
            onPick={setPicking}
            onDate={(itemNo, date) =>
              change({ choices: { ...draft.choices, dates: { ...draft.choices.dates, [String(itemNo)]: date } } })
            }
            onUndo={undo}
          />
          <DraftItems
            draft={result.draft}
            units={units}
            pending={
              new Set(
                result.problems.flatMap((problem) => (problem.blocking && problem.phrase ? [problem.phrase] : [])),
              )
            }
          />
          <View className="cat-card">
            <Text className="cat-card__title">适用年份</Text>
            <Text className="cat-card__intro">
              选择这份清单从哪一年起适用：之前的年份仍用原来的清单；以后的年份在另行发布清单前，也用这份。
            </Text>
            <View className="cat-years">
              {yearOptions(today).map((year) => (
                <View
                  key={year}
                  className={`cat-chip${years.includes(year) ? ' cat-chip--on' : ''}`}
                  role="checkbox"
                  aria-checked={years.includes(year)}
                  onClick={() => toggleYear(year)}
                >
                  <Text>{`${year}年`}</Text>
                </View>
              ))}
            </View>
          </View>
          {result.impact ? (
            <ImpactCard impacts={result.impact} confirmed={confirmDrop} onConfirm={setConfirmDrop} />
          ) : null}
          <View className="cat-card">
            <AppButton
              className="cat-button cat-button--primary"
              disabled={!canPublish(result, years) || preview.busy}
              loading={publish.busy}
              onClick={() => void doPublish()}
            >
              {publish.busy
                ? '正在发布…'
                : result.blocking > 0
                  ? `还有${result.blocking}处需要处理`
                  : years.length === 0
                    ? '请选择适用年份'
                    : `发布为${years.join('、')}年的任务清单`}
            </AppButton>
          </View>
        </>
      ) : null}

      {picking && draft ? (
        <UnitPicker
          title={picking.kind === 'phrase' ? `“${picking.phrase}”指哪些单位` : `第${picking.itemNo}项的牵头单位`}
          hint={
            picking.kind === 'phrase'
              ? '选一次即可：以后导入的清单再写到它，会自动对应到这些单位。'
              : '牵头单位审核各单位报送的材料。'
          }
          units={units}
          chosen={
            picking.kind === 'phrase'
              ? (draft.choices.phraseMap[picking.phrase] ?? [])
              : (draft.choices.leads[String(picking.itemNo)] ?? [])
          }
          onDone={choose}
          onCancel={() => setPicking(null)}
        />
      ) : null}
    </View>
  );
}
