import ChatIcon from '@mui/icons-material/Chat';
import { PromptCreate } from './PromptCreate';
import { PromptEdit } from './PromptEdit';
import { PromptList } from './PromptList';
import { PromptShow } from './PromptShow';

export const prompts = {
  list: PromptList,
  show: PromptShow,
  edit: PromptEdit,
  create: PromptCreate,
  icon: ChatIcon,
  recordRepresentation: 'name',
};
