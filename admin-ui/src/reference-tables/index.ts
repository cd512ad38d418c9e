import TableChartIcon from '@mui/icons-material/TableChart';
import { createForTableEditors } from '../common/ForAnalysts';
import { ReferenceTableCreate } from './ReferenceTableCreate';
import { ReferenceTableList } from './ReferenceTableList';
import { ReferenceTableShow } from './ReferenceTableShow';

export const referenceTables = {
  list: ReferenceTableList,
  create: createForTableEditors(ReferenceTableCreate),
  show: ReferenceTableShow,
  icon: TableChartIcon,
  recordRepresentation: 'name',
};
