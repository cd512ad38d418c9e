import TableChartIcon from '@mui/icons-material/TableChart';
import { ReferenceTableCreate } from './ReferenceTableCreate';
import { ReferenceTableList } from './ReferenceTableList';
import { ReferenceTableShow } from './ReferenceTableShow';

export const referenceTables = {
  list: ReferenceTableList,
  create: ReferenceTableCreate,
  show: ReferenceTableShow,
  icon: TableChartIcon,
  recordRepresentation: 'name',
};
