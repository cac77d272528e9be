import { Text, View } from '@tarojs/components';
import type { CatalogItem } from '../../core/catalog/types';
import './index.scss';

interface CatalogItemRowProps {
  item: CatalogItem;
  expanded: boolean;
  onToggle: (no: number) => void;
}

/** One task-list item: number, short title and lead units; tapping shows the official text. */
export default function CatalogItemRow({ item, expanded, onToggle }: CatalogItemRowProps) {
  return (
    <View
      className={`catalog-item${expanded ? ' catalog-item--expanded' : ''}`}
      hoverClass="catalog-item--hover"
      onClick={() => onToggle(item.no)}
    >
      <View className="catalog-item__head">
        <Text className="catalog-item__no">{item.no}</Text>
        <View className="catalog-item__main">
          <Text className="catalog-item__title">{item.title}</Text>
          <View className="catalog-item__lead">
            <Text className="catalog-item__label">牵头</Text>
            <Text className="catalog-item__units">{item.leadUnits.join('、')}</Text>
          </View>
        </View>
        <Text className="catalog-item__toggle">{expanded ? '收起' : '展开'}</Text>
      </View>
      {expanded && (
        <View className="catalog-item__detail">
          <Text className="catalog-item__text" userSelect>
            {item.text}
          </Text>
          <View className="catalog-item__resp">
            <Text className="catalog-item__label catalog-item__label--resp">责任</Text>
            <Text className="catalog-item__units">{item.responsibleUnits.join('、')}</Text>
          </View>
        </View>
      )}
    </View>
  );
}
