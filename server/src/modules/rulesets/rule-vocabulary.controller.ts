import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { KNOWN_OPERATORS, OPERATOR_DECORATORS } from '../../engine/operator-names.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import {
  decisionTableDefinitionSchema,
  decisionTreeDefinitionSchema,
  LIMITS,
  rulesDefinitionSchema,
} from './ruleset-definition.schema.js';
import { RULESET_FORMATS } from './ruleset.types.js';

/**
 * What a rule-set definition may say, served so the console's editors offer exactly the server's operators and
 * formats instead of copying them.
 */
const names = { type: 'array', items: { type: 'string' } };
const jsonSchema = { type: 'object', description: 'a JSON Schema (draft-07)' };
const ruleVocabularySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['operators', 'decorators', 'formats', 'limits', 'definition'],
  properties: {
    operators: names,
    decorators: names,
    formats: names,
    limits: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'the most a definition may hold',
    },
    definition: {
      type: 'object',
      additionalProperties: false,
      required: ['rules', 'decisionTable', 'decisionTree'],
      properties: { rules: jsonSchema, decisionTable: jsonSchema, decisionTree: jsonSchema },
      description: "each format's definition, as the server validates it",
    },
  },
};

@ApiTags('rulesets')
@Controller('api/v1/schemas')
export class RuleVocabularyController {
  @Get('rulesets')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @ApiOkResponse({ schema: ruleVocabularySchema })
  vocabulary() {
    return {
      operators: KNOWN_OPERATORS,
      decorators: OPERATOR_DECORATORS,
      formats: RULESET_FORMATS,
      limits: LIMITS,
      definition: {
        rules: rulesDefinitionSchema,
        decisionTable: decisionTableDefinitionSchema,
        decisionTree: decisionTreeDefinitionSchema,
      },
    };
  }
}
