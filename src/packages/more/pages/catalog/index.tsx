import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import catalogData from '../../../../../data/catalog.json';
import type { Catalog, CatalogItem } from '../../../../core/catalog/types';
import CatalogItemRow from '../../../../components/CatalogItemRow';
import './index.scss';

const catalog = catalogData as Catalog;
const itemsByNo = new Map<number, CatalogItem>(catalog.items.map((item) => [item.no, item]));
const level2Count = catalog.indicators.reduce((sum, l1) => sum + l1.children.length, 0);

/** The task catalog, grouped by 一级指标 and 二级指标, read from the committed catalog data. */
export default function CatalogPage() {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());

  const toggle = useCallback((no: number) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(no)) next.delete(no);
      else next.add(no);
      return next;
    });
  }, []);

  return (
    <View className="catalog">
      <View className="catalog__header">
        <Text className="catalog__heading">任务清单</Text>
        <Text className="catalog__doc-title">{catalog.source.title}</Text>
        <Text className="catalog__doc-no">{catalog.source.docNo}</Text>
        <Text className="catalog__summary">
          {`${catalog.indicators.length} 个一级指标 · ${level2Count} 个二级指标 · ${catalog.items.length} 项任务`}
        </Text>
        <Text className="catalog__hint">点按任务可查看原文和责任单位</Text>
      </View>

      {catalog.indicators.map((l1) => (
        <View className="catalog__section" key={l1.no}>
          <Text className="catalog__l1">{l1.label}</Text>
          {l1.children.map((l2) => (
            <View className="catalog__group" key={l2.no}>
              <Text className="catalog__l2">{l2.label}</Text>
              {l2.items.map((no) => {
                const item = itemsByNo.get(no);
                return item ? (
                  <CatalogItemRow key={no} item={item} expanded={expanded.has(no)} onToggle={toggle} />
                ) : null;
              })}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
