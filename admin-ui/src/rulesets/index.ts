import RuleIcon from '@mui/icons-material/Rule';
import { createForAnalysts, editForAnalysts } from '../common/ForAnalysts';
import { RulesetCreate } from './RulesetCreate';
import { RulesetEdit } from './RulesetEdit';
import { RulesetList } from './RulesetList';
import { RulesetShow } from './RulesetShow';

export const rulesets = {
  list: RulesetList,
  show: RulesetShow,
  // Analysts alone write drafts: others opening these by URL are taken to the page they can read.
  edit: editForAnalysts(RulesetEdit),
  create: createForAnalysts(RulesetCreate),
  icon: RuleIcon,
  recordRepresentation: 'name',
};
