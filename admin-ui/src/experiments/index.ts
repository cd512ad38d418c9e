import ScienceIcon from '@mui/icons-material/Science';
import { ExperimentCreate } from './ExperimentCreate';
import { ExperimentEdit } from './ExperimentEdit';
import { ExperimentList } from './ExperimentList';
import { ExperimentShow } from './ExperimentShow';

export const experiments = {
  list: ExperimentList,
  show: ExperimentShow,
  create: ExperimentCreate,
  edit: ExperimentEdit,
  icon: ScienceIcon,
  recordRepresentation: 'name',
};
