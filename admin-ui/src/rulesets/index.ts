import RuleIcon from '@mui/icons-material/Rule';
import { RulesetEdit } from './RulesetEdit';
import { RulesetList } from './RulesetList';
import { RulesetShow } from './RulesetShow';

export const rulesets = { list: RulesetList, show: RulesetShow, edit: RulesetEdit, icon: RuleIcon, recordRepresentation: 'name' };
