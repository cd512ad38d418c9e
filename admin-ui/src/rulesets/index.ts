import RuleIcon from '@mui/icons-material/Rule';
import { RulesetCreate } from './RulesetCreate';
import { RulesetEdit } from './RulesetEdit';
import { RulesetList } from './RulesetList';
import { RulesetShow } from './RulesetShow';

export const rulesets = {
  list: RulesetList,
  show: RulesetShow,
  edit: RulesetEdit,
  create: RulesetCreate,
  icon: RuleIcon,
  recordRepresentation: 'name',
};
