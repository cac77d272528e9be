import AppButton from '../AppButton';
import type { ExportAction, Payload } from '../../contract/actions';
import { useExportFile } from '../../hooks/useExportFile';
import './index.scss';

/** 导出 Excel / 生成年度报告: one tap builds the file and opens it. */
export default function ExportButton<A extends ExportAction>({
  action,
  payload,
  label,
}: {
  action: A;
  payload: Payload<A>;
  label: string;
}) {
  const { exportFile, busy } = useExportFile(action);
  return (
    <AppButton className="export-button" size="mini" loading={busy} onClick={() => void exportFile(payload)}>
      {busy ? '正在生成…' : label}
    </AppButton>
  );
}
