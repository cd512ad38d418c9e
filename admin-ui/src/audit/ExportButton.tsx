import { useListContext } from 'react-admin';
import { DownloadButton } from '../common/DownloadButton';
import { exportUrl } from './audit-filters';

/** Downloads GET /api/v1/audit/export with the list's filters, under the name the server gives. */
export const ExportButton = () => {
  const { filterValues } = useListContext();
  return (
    <DownloadButton
      url={exportUrl(filterValues as Record<string, unknown>)}
      fallbackName="gabarit-audit.csv"
      label="gabarit.audit.export"
      failed="gabarit.audit.export_failed"
    />
  );
};
