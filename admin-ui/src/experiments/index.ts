import ScienceIcon from '@mui/icons-material/Science';
import { createForAnalysts, editForAnalysts } from '../common/ForAnalysts';
import { ExperimentCreate } from './ExperimentCreate';
import { ExperimentEdit } from './ExperimentEdit';
import { ExperimentList } from './ExperimentList';
import { ExperimentShow } from './ExperimentShow';

export const experiments = {
  list: ExperimentList,
  show: ExperimentShow,
  create: createForAnalysts(ExperimentCreate),
  // Analysts alone write drafts: others opening these by URL are taken to the page they can read.
  edit: editForAnalysts(ExperimentEdit),
  icon: ScienceIcon,
  recordRepresentation: 'name',
};
