import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import catalogData from '../../../../../data/catalog.json';
import CatalogItemRow from '../../../../components/CatalogItemRow';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import type { CatalogItemView } from '../../../../contract/replies';
import type { Catalog, CatalogItem } from '../../../../core/catalog/types';
import { shanghaiDate } from '../../../../core/dates';
import { useYearCatalog } from '../../../../hooks/useCatalog';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useSession } from '../../../../hooks/useSession';
import GuidanceBlock from './GuidanceBlock';
import './index.scss';

/** The committed list: what a visitor not bound yet sees (the list is a public notice). */
const committed = catalogData as Catalog;

function asItem(view: CatalogItemView): CatalogItem {
  const { deadline, ...rest } = view;
  return deadline ? { ...rest, deadline } : rest;
}

/**
 * The task list of a year, grouped by 一级指标 and 二级指标 — the list that applies to that year
 * (a district may publish one per year) — each item with its 佐证材料要求, which reviewers of its
 * lead unit write here. A visitor not bound yet sees the district's committed list.
 */
export default function CatalogPage() {
  const { params } = useRouter();
  const { session } = useSession();
  const member = Boolean(session?.user && !session.user.disabled);
  const thisYear = Number(shanghaiDate(Date.now()).slice(0, 4));
  const [year, setYear] = useState(() => (Number(params.year) > 2000 ? Number(params.year) : thisYear));
  const yearly = useYearCatalog(member ? year : null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  usePageRefresh(() => (member ? yearly.reload() : undefined));

  const toggle = useCallback((no: number) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(no)) next.delete(no);
      else next.add(no);
      return next;
    });
  }, []);

  if (member && !yearly.data) {
    return (
      <View className="catalog">
        {yearly.error ? (
          <ErrorView message={yearly.error.message} onRetry={() => void yearly.reload()} />
        ) : (
          <Skeleton rows={5} />
        )}
      </View>
    );
  }

  const source = yearly.data?.source ?? committed.source;
  const indicators = yearly.data?.indicators ?? committed.indicators;
  const views = new Map((yearly.data?.items ?? []).map((item) => [item.no, item]));
  const items = new Map<number, CatalogItem>(
    yearly.data
      ? yearly.data.items.map((item) => [item.no, asItem(item)])
      : committed.items.map((item) => [item.no, item]),
  );
  const level2Count = indicators.reduce((sum, l1) => sum + l1.children.length, 0);
  const years = session?.years ?? [];

  return (
    <View className="catalog">
      <View className="catalog__header">
        <Text className="catalog__heading">{member ? `${year}年任务清单` : '任务清单'}</Text>
        <Text className="catalog__doc-title">{source.title}</Text>
        {source.docNo ? <Text className="catalog__doc-no">{source.docNo}</Text> : null}
        <Text className="catalog__summary">
          {`${indicators.length} 个一级指标 · ${level2Count} 个二级指标 · ${items.size} 项任务`}
        </Text>
        <Text className="catalog__hint">
          {member ? '点按任务可查看原文、责任单位和佐证材料要求' : '点按任务可查看原文和责任单位'}
        </Text>
        {member && years.length > 1 ? (
          <View className="catalog__years">
            {years.map((option) => (
              <View
                key={option}
                className={`catalog__year${option === year ? ' catalog__year--on' : ''}`}
                role="radio"
                aria-checked={option === year}
                onClick={() => setYear(option)}
              >
                <Text>{`${option}年`}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {indicators.map((l1) => (
        <View className="catalog__section" key={l1.no}>
          <Text className="catalog__l1">{l1.label}</Text>
          {l1.children.map((l2) => (
            <View className="catalog__group" key={l2.no}>
              <Text className="catalog__l2">{l2.label}</Text>
              {l2.items.map((no) => {
                const item = items.get(no);
                const view = views.get(no);
                return item ? (
                  <View key={no}>
                    <CatalogItemRow item={item} expanded={expanded.has(no)} onToggle={toggle} />
                    {view && expanded.has(no) ? (
                      <GuidanceBlock item={view} year={year} onSaved={() => void yearly.reload()} />
                    ) : null}
                  </View>
                ) : null;
              })}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
