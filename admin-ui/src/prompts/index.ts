import ChatIcon from '@mui/icons-material/Chat';
import { createForAnalysts, editForAnalysts } from '../common/ForAnalysts';
import { PromptCreate } from './PromptCreate';
import { PromptEdit } from './PromptEdit';
import { PromptList } from './PromptList';
import { PromptShow } from './PromptShow';

export const prompts = {
  list: PromptList,
  show: PromptShow,
  // Analysts alone write drafts: others opening these by URL are taken to the page they can read.
  edit: editForAnalysts(PromptEdit),
  create: createForAnalysts(PromptCreate),
  icon: ChatIcon,
  recordRepresentation: 'name',
};
