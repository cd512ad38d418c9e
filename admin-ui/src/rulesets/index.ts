import RuleIcon from '@mui/icons-material/Rule';
import { RulesetList } from './RulesetList';
import { RulesetShow } from './RulesetShow';

export const rulesets = { list: RulesetList, show: RulesetShow, icon: RuleIcon, recordRepresentation: 'name' };
