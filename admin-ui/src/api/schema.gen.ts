// Generated from the service's OpenAPI document by `npm run api:types` (openapi-typescript): do not edit.
// server/test/api-types.e2e-spec.ts fails when this file no longer matches the document.
export interface paths {
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: risk, admin. API keys: not accepted. */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: risk, admin. API keys: not accepted. */
    get: operations['AuditController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: risk, admin. API keys: not accepted. */
    get: operations['AuditController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Any signed-in user or API key. */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: admin. API keys: not accepted. */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** @description Console roles: admin. API keys: not accepted. */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Console roles: admin. API keys: not accepted. */
    delete: operations['ApiKeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: admin. API keys: not accepted. */
    get: operations['UsersController_list'];
    put?: never;
    /** @description Console roles: admin. API keys: not accepted. */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{username}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: admin. API keys: not accepted. */
    get: operations['UsersController_get'];
    /** @description Console roles: admin. API keys: not accepted. */
    put: operations['UsersController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PeopleController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['RulesetsController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/analysis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_analysis'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/dmn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_dmn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/import/dmn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['RulesetsController_importDmn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_list'];
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['RulesetsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    put: operations['RulesetsController_updateDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['RulesetsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['RulesetsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['RulesetsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['RulesetsController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/unschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['RulesetsController_unschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['RulesetsController_rollback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RulesetsController_diff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schemas/rulesets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['RuleVocabularyController_vocabulary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ReferenceTablesController_list'];
    put?: never;
    /** @description Console roles: analyst, admin. API keys: not accepted. */
    post: operations['ReferenceTablesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ReferenceTablesController_get'];
    put?: never;
    post?: never;
    /** @description Console roles: analyst, admin. API keys: not accepted. */
    delete: operations['ReferenceTablesController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ReferenceTablesController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}/rows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Console roles: analyst, admin. API keys: not accepted. */
    put: operations['ReferenceTablesController_replaceRows'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}/definition': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Console roles: analyst, admin. API keys: not accepted. */
    put: operations['ReferenceTablesController_changeDefinition'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}/pending/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ReferenceTablesController_approvePending'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}/pending/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver, analyst, admin. API keys: not accepted. */
    post: operations['ReferenceTablesController_rejectPending'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference-tables/{key}/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, admin. API keys: not accepted. */
    post: operations['ReferenceTablesController_importCsv'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver, risk, admin. API keys: scope evaluate:{key}. */
    post: operations['EvaluationController_evaluate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/evaluate/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver, risk, admin. API keys: scope evaluate:{key}. */
    post: operations['EvaluationController_evaluateBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/decisions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: scope decisions:read:{rule set of the decision}. */
    get: operations['EvaluationController_decision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver. API keys: not accepted. */
    post: operations['EvaluationController_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/impact': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver, risk. API keys: not accepted. */
    post: operations['EvaluationController_impact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rulesets/{key}/versions/{n}/shadow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ShadowController_report'];
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ShadowController_start'];
    /** @description Console roles: approver. API keys: not accepted. */
    delete: operations['ShadowController_stop'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/decisions/{id}/receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: scope decisions:receipt:{rule set of the decision}. */
    get: operations['ReviewsController_receipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/decisions/{id}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: approver, risk, admin. API keys: not accepted. */
    get: operations['ReviewsController_ofDecision'];
    put?: never;
    /** @description Console roles: analyst, approver, risk. API keys: scope decisions:review-request:{rule set of the decision}. */
    post: operations['ReviewsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: approver, risk, admin. API keys: not accepted. */
    get: operations['ReviewsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: approver, risk, admin. API keys: not accepted. */
    get: operations['ReviewsController_one'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}/decide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver, risk. API keys: not accepted. */
    post: operations['ReviewsController_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver. API keys: not accepted. */
    post: operations['PromptsController_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/render': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver, risk, admin. API keys: scope prompts:render:{key}. */
    post: operations['PromptsController_render'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['PromptsController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptsController_list'];
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['PromptsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    put: operations['PromptsController_updateDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptsController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptsController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['PromptsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['PromptsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['PromptsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['PromptsController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/unschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['PromptsController_unschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['PromptsController_rollback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptsController_diff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/evaluation-sets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptEvaluationController_listSets'];
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['PromptEvaluationController_createSet'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/evaluation-sets/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptEvaluationController_getSet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/versions/{n}/evaluation-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptEvaluationController_listRuns'];
    put?: never;
    /** @description Console roles: analyst, approver. API keys: not accepted. */
    post: operations['PromptEvaluationController_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/evaluation-runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptEvaluationController_getRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ExperimentsController_stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console users: not accepted. API keys: scope experiments:feedback:{key}. */
    post: operations['ExperimentsController_feedback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ExperimentsController_results'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ExperimentsController_list'];
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['ExperimentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ExperimentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    put: operations['ExperimentsController_updateDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ExperimentsController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions/{n}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ExperimentsController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions/{n}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst. API keys: not accepted. */
    post: operations['ExperimentsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions/{n}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ExperimentsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions/{n}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ExperimentsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions/{n}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ExperimentsController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/versions/{n}/unschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ExperimentsController_unschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: approver. API keys: not accepted. */
    post: operations['ExperimentsController_rollback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experiments/{key}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['ExperimentsController_diff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/experiments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: analyst, approver, risk, admin. API keys: not accepted. */
    get: operations['PromptServingController_served'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prompts/{key}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Console roles: analyst, approver, risk, admin. API keys: scope prompts:complete:{key}. */
    post: operations['CompletionController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalogue/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Any signed-in user or API key. */
    get: operations['CatalogueController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Console roles: admin. API keys: scope metrics:*. */
    get: operations['HealthController_metricsText'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      /** @example validation_failed */
      error: string;
      message: string;
      /** @description the offending places, at most 100 (the message then says how many there were in all) */
      details: {
        /** @description JSON Pointer to the offending place in the request */
        path: string;
        /** @description what is wrong there, in English */
        message: string;
        /**
         * @description the kind of problem (a JSON Schema keyword such as minimum, taken for a used key, dmn for a part of a DMN file the import cannot convert, syntax for a file a parser cannot read)
         * @example required
         */
        keyword?: string;
        /** @description the values the problem depends on, by keyword (e.g. {comparison, limit} for minimum; {reason, text, at} for dmn; {line, column, reason} for syntax) */
        params?: Record<string, unknown>;
      }[];
    };
    /** @description any JSON value; object keys have at most 1024 characters and no NUL */
    JsonValue: unknown;
    VersionView: {
      /** @description the version number (react-admin reads `id`) */
      id: number;
      number: number;
      /** @enum {string} */
      status: 'draft' | 'in_review' | 'approved' | 'published' | 'retired';
      /** @description of the content; set once submitted */
      checksum?: string;
      /** @description the version a draft started from */
      basedOn?: number;
      /** @description the draft only: its revision, one more at each save; submitting it may name it (`revision`) */
      revision?: number;
      authors: string[];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      submittedBy?: string;
      /** Format: date-time */
      submittedAt?: string;
      approvedBy?: string;
      /** Format: date-time */
      approvedAt?: string;
      /** @description the approval holds only for this exact content */
      approvalChecksum?: string;
      rejectedBy?: string;
      /** Format: date-time */
      rejectedAt?: string;
      publishedBy?: string;
      /** Format: date-time */
      publishedAt?: string;
      comments: {
        by: string;
        /** Format: date-time */
        at: string;
        action: string;
        text: string;
      }[];
      testRun?: {
        checksum: string;
        passed: number;
        failed: number;
        /** @description prompts: cases that check the model's answer and were not checked; absent when none */
        skipped?: number;
        /** Format: date-time */
        at: string;
        by: string;
      };
      inForce: boolean;
      publications: {
        version: number;
        /** Format: date-time */
        effectiveFrom: string;
        /** Format: date-time */
        effectiveTo?: string;
        publishedBy: string;
        /** Format: date-time */
        publishedAt: string;
        /** @enum {string} */
        kind: 'publish' | 'rollback';
        comment?: string;
      }[];
      /** @description rule sets: the version's latest shadow run, running or ended (its report: GET …/versions/{n}/shadow); absent when it never ran in shadow */
      shadow?: {
        percent: number;
        running: boolean;
        /** Format: date-time */
        startedAt: string;
        /** Format: date-time */
        stoppedAt?: string;
      };
    };
    RulesetView: {
      /** @description the key (react-admin reads `id`) */
      id: string;
      key: string;
      name: string;
      pilot: string;
      /** @enum {string} */
      format: 'rules' | 'decisionTable' | 'decisionTree';
      description?: string;
      archived: boolean;
      /** @description who archived it (stopped it, for an experiment), when and why; absent for older archives */
      archival?: {
        by: string;
        /** Format: date-time */
        at: string;
        comment?: string;
      };
      /** @description the version in force now */
      activeVersion: number | null;
      draftVersion: number | null;
      latestVersion: number;
      /** @description publications that take effect later */
      scheduled: {
        version: number;
        /** Format: date-time */
        effectiveFrom: string;
        /** Format: date-time */
        effectiveTo?: string;
        publishedBy: string;
        /** Format: date-time */
        publishedAt: string;
        /** @enum {string} */
        kind: 'publish' | 'rollback';
        comment?: string;
      }[];
      versions: components['schemas']['VersionView'][];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description only in a create's answer: the first draft's number
       * @constant
       */
      version?: 1;
      /**
       * @description only in a create's answer: the first draft's status
       * @constant
       */
      status?: 'draft';
    };
    RulesetAnalysis: {
      findings: {
        /** @enum {string} */
        kind:
          | 'overlap'
          | 'gap'
          | 'unreachable'
          | 'contradiction'
          | 'subsumed'
          | 'type_mismatch'
          | 'unknown_fact'
          | 'outcome_typo'
          | 'default_row';
        /** @enum {string} */
        severity: 'error' | 'warning' | 'info';
        /** @description JSON pointer into the version content, e.g. /definition/rows/3 */
        path: string;
        /** @description the English of text */
        message: string;
        /** @description what was found, in French and English */
        text: {
          fr: string;
          en: string;
        };
      }[];
      /** @description what the analysis examined, in English */
      checked: string[];
      /** @description what the analysis examined, in French and English */
      checkedText: {
        fr: string;
        en: string;
      }[];
      /** @description questions the analysis could not decide (never read as "ok"), and why */
      notChecked: {
        path: string;
        /** @description the English of text */
        reason: string;
        /** @description why it was not decided, in French and English */
        text: {
          fr: string;
          en: string;
        };
      }[];
    };
    ReferenceTableView: {
      id: string;
      key: string;
      name: string;
      description?: string;
      keyColumn: string;
      columns: {
        /** @description letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype */
        name: string;
        /** @enum {string} */
        type: 'string' | 'number' | 'boolean' | 'date';
        required?: boolean;
      }[];
      rows: {
        [key: string]: string | number | boolean | null;
      }[];
      rowCount: number;
      rev: number;
      updatedBy: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description the last held change a reviewer rejected, with the reason, until another change is proposed or made */
      lastRejected?: {
        /** @enum {string} */
        action: 'rows_replaced' | 'csv_imported' | 'csv_merged' | 'deleted';
        proposedBy: string;
        /** Format: date-time */
        proposedAt: string;
        rejectedBy: string;
        /** Format: date-time */
        rejectedAt: string;
        comment: string;
      };
      pending?: {
        /** @enum {string} */
        action: 'rows_replaced' | 'csv_imported' | 'csv_merged' | 'deleted';
        deleted?: boolean;
        comment?: string;
        proposedBy: string;
        /** Format: date-time */
        proposedAt: string;
        /** @description rule sets with a version that reads the table and is published (in force, scheduled or once in force), or in review or approved and still publishable */
        readers: string[];
        changes: {
          key: string;
          before: {
            [key: string]: string | number | boolean | null;
          } | null;
          after: {
            [key: string]: string | number | boolean | null;
          } | null;
        }[];
        counts: {
          added: number;
          removed: number;
          changed: number;
        };
        /** @description rows after the change */
        rowCount: number;
      };
    };
    ShadowStarted: {
      version: number;
      percent: number;
      /** Format: date-time */
      startedAt: string;
    };
    ShadowReport: {
      version: number;
      /** @description the version in force now */
      activeVersion: number | null;
      /** @description the version the run compares with: the one in force when it started (evaluations decided by another are not compared) */
      comparedWith: number | null;
      percent: number;
      running?: boolean;
      /** Format: date-time */
      startedAt?: string;
      startedBy?: string;
      /** Format: date-time */
      stoppedAt?: string;
      /** @enum {string} */
      endedBy?: 'stopped' | 'published' | 'scheduled' | 'rejected' | 'replaced' | 'archived';
      /** @description live evaluations also evaluated by the shadow */
      compared: number;
      /** @description of which the outcome differed */
      diverged: number;
      /** @description divergences by "before → after" outcome (event types joined with +, (none) for none) */
      byTransition: {
        [key: string]: number;
      };
      /** @description diverged / compared */
      rate?: number;
      /** @description Wilson score interval at 95 % */
      interval?: number[];
      /** @description each transition among compared evaluations */
      rates?: {
        [key: string]: {
          rate: number;
          /** @description Wilson score interval at 95 % */
          interval: number[];
        };
      };
      /** @description sampled evaluations dropped under load (not compared) */
      shed?: number;
      /** @description shadow evaluations that failed (outcome "error: <code>") */
      errors?: number;
      examples: {
        evaluationId: string;
        before: string;
        after: string;
        rulesOnlyBefore: string[];
        rulesOnlyAfter: string[];
        /** @description personal fields masked unless the reader may see them; absent when their JSON was over 16 KiB (not kept) */
        facts?: Record<string, unknown>;
      }[];
      maskedFacts?: boolean;
    };
    PromptView: {
      /** @description the key (react-admin reads `id`) */
      id: string;
      key: string;
      name: string;
      pilot: string;
      archived: boolean;
      /** @description who archived it (stopped it, for an experiment), when and why; absent for older archives */
      archival?: {
        by: string;
        /** Format: date-time */
        at: string;
        comment?: string;
      };
      /** @description the version in force now */
      activeVersion: number | null;
      draftVersion: number | null;
      latestVersion: number;
      /** @description publications that take effect later */
      scheduled: {
        version: number;
        /** Format: date-time */
        effectiveFrom: string;
        /** Format: date-time */
        effectiveTo?: string;
        publishedBy: string;
        /** Format: date-time */
        publishedAt: string;
        /** @enum {string} */
        kind: 'publish' | 'rollback';
        comment?: string;
      }[];
      versions: components['schemas']['VersionView'][];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description only in a create's answer: the first draft's number
       * @constant
       */
      version?: 1;
      /**
       * @description only in a create's answer: the first draft's status
       * @constant
       */
      status?: 'draft';
    };
    EvaluationSetView: {
      id: string;
      prompt: string;
      name: string;
      judgePrompt?: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      cases: {
        name?: string;
        variables: Record<string, unknown>;
        expect: {
          /** @enum {string} */
          type: 'contains' | 'notContains' | 'regex' | 'jsonSchema' | 'length' | 'rubric';
          /** @description contains, notContains */
          value?: string;
          /** @description regex (RE2 syntax, linear time) */
          pattern?: string;
          /** @description jsonSchema: the output parsed as JSON must match it */
          schema?: Record<string, unknown>;
          /** @description length: fewest characters */
          min?: number;
          /** @description length: most characters */
          max?: number;
          /** @description rubric: what the judge scores */
          criteria?: string;
          /** @description rubric: lowest passing score (default 3) */
          minScore?: number;
        }[];
      }[];
    };
    EvaluationSetSummary: {
      id: string;
      prompt: string;
      name: string;
      judgePrompt?: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      caseCount: number;
    };
    EvaluationRunView: {
      id: string;
      prompt: string;
      version: number;
      /** @description the content evaluated: a publication gate asks for a run on its checksum */
      checksum: string;
      set: string;
      /** @description the version in force compared with, if any */
      inForceVersion: number | null;
      budgetTokens: number;
      /** @description may pass budgetTokens: the cases already running when the budget runs out (4 at once) finish */
      tokensUsed: number;
      /** @description cases were left unrun because the token budget ran out */
      budgetExhausted?: boolean;
      /**
       * @description why cases were left unrun, null when every case ran: the token budget, the time a run has (EVAL_RUN_BUDGET_MS), or the caller closed the request (what ran is kept); a publication gate counts no run that skipped cases
       * @enum {string|null}
       */
      stoppedBy: 'budget' | 'time' | 'caller_gone' | null;
      passRate: {
        candidate: {
          rate: number;
          /** @description Wilson score interval at 95 % */
          interval: number[];
        };
        inForce: {
          rate: number;
          /** @description Wilson score interval at 95 % */
          interval: number[];
        } | null;
      };
      scores: {
        /** @description mean rubric score (1–5) with a Student t interval at 95 %; null without rubric scores */
        candidate: {
          mean: number;
          n: number;
          interval: number[] | null;
        } | null;
        /** @description mean rubric score (1–5) with a Student t interval at 95 %; null without rubric scores */
        inForce: {
          mean: number;
          n: number;
          interval: number[] | null;
        } | null;
      };
      cost: {
        candidateUsd: number;
        inForceUsd: number;
        totalUsd: number;
      };
      latency: {
        candidate: {
          mean: number;
          max: number;
          total: number;
        };
        inForce: {
          mean: number;
          max: number;
          total: number;
        } | null;
      };
      summary?: {
        candidate: {
          version: number;
          /** @description cases evaluated (not skipped) */
          cases: number;
          passed: number;
          /** @description a case with an error is failed */
          failed: number;
          errors: number;
          skipped: number;
          passRate: {
            rate: number;
            /** @description Wilson score interval at 95 % */
            interval: number[];
          };
          /** @description mean rubric score (1–5) with a Student t interval at 95 %; null without rubric scores */
          score: {
            mean: number;
            n: number;
            interval: number[] | null;
          } | null;
          tokens: {
            input: number;
            output: number;
          };
          costUsd: number;
          latencyMs?: {
            mean: number;
            max: number;
            total: number;
          };
        };
        inForce: {
          version: number;
          /** @description cases evaluated (not skipped) */
          cases: number;
          passed: number;
          /** @description a case with an error is failed */
          failed: number;
          errors: number;
          skipped: number;
          passRate: {
            rate: number;
            /** @description Wilson score interval at 95 % */
            interval: number[];
          };
          /** @description mean rubric score (1–5) with a Student t interval at 95 %; null without rubric scores */
          score: {
            mean: number;
            n: number;
            interval: number[] | null;
          } | null;
          tokens: {
            input: number;
            output: number;
          };
          costUsd: number;
          latencyMs?: {
            mean: number;
            max: number;
            total: number;
          };
        } | null;
      };
      cases: {
        index: number;
        name?: string;
        variables?: Record<string, unknown>;
        /**
         * @description the case did not run (or its model calls were cut short by the caller leaving), and why
         * @enum {string}
         */
        skipped?: 'budget' | 'time' | 'caller_gone';
        candidate?: {
          version: number;
          passed: boolean;
          output?: string;
          /** @description present when the output was shortened to be stored (a run is one document): the whole output’s length in characters; the checks ran on the whole output */
          outputLength?: number;
          /** @description the case could not be evaluated (render, model or judge failure) */
          error?: string;
          checks: {
            type: string;
            passed: boolean;
            /** @description rubric: the judge’s score 1–5 */
            score?: number;
            /** @description why it failed (in English), or the judge’s reason */
            message?: string;
            /** @description why it failed, as a code and its values, for clients that word it in their own language (runs stored before 2026-12 have none) */
            reason?: {
              /** @enum {string} */
              code:
                | 'missing_text'
                | 'unwanted_text'
                | 'no_match'
                | 'too_short'
                | 'too_long'
                | 'not_json'
                | 'schema_mismatch'
                | 'below_min_score';
              /** @description missing_text, unwanted_text: the text looked for */
              text?: string;
              /** @description no_match: the regular expression */
              pattern?: string;
              /** @description too_short, too_long: the output’s length in characters */
              length?: number;
              /** @description too_short, too_long: the check’s min or max */
              limit?: number;
              /** @description schema_mismatch: where the output departs from the schema */
              path?: string;
              /** @description schema_mismatch: what the schema says there (in English) */
              detail?: string;
              /** @description below_min_score: the judge’s score */
              score?: number;
              /** @description below_min_score: the lowest passing score */
              min?: number;
            };
          }[];
          tokens?: {
            input: number;
            output: number;
          };
          costUsd?: number;
          latencyMs?: number;
        };
        inForce?: {
          version: number;
          passed: boolean;
          output?: string;
          /** @description present when the output was shortened to be stored (a run is one document): the whole output’s length in characters; the checks ran on the whole output */
          outputLength?: number;
          /** @description the case could not be evaluated (render, model or judge failure) */
          error?: string;
          checks: {
            type: string;
            passed: boolean;
            /** @description rubric: the judge’s score 1–5 */
            score?: number;
            /** @description why it failed (in English), or the judge’s reason */
            message?: string;
            /** @description why it failed, as a code and its values, for clients that word it in their own language (runs stored before 2026-12 have none) */
            reason?: {
              /** @enum {string} */
              code:
                | 'missing_text'
                | 'unwanted_text'
                | 'no_match'
                | 'too_short'
                | 'too_long'
                | 'not_json'
                | 'schema_mismatch'
                | 'below_min_score';
              /** @description missing_text, unwanted_text: the text looked for */
              text?: string;
              /** @description no_match: the regular expression */
              pattern?: string;
              /** @description too_short, too_long: the output’s length in characters */
              length?: number;
              /** @description too_short, too_long: the check’s min or max */
              limit?: number;
              /** @description schema_mismatch: where the output departs from the schema */
              path?: string;
              /** @description schema_mismatch: what the schema says there (in English) */
              detail?: string;
              /** @description below_min_score: the judge’s score */
              score?: number;
              /** @description below_min_score: the lowest passing score */
              min?: number;
            };
          }[];
          tokens?: {
            input: number;
            output: number;
          };
          costUsd?: number;
          latencyMs?: number;
        };
      }[];
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
    };
    ExperimentView: {
      /** @description the key (react-admin reads `id`) */
      id: string;
      key: string;
      name: string;
      /** @description set when the service stopped the experiment itself */
      halt?: {
        /** @enum {string} */
        reason: 'guardrail' | 'srm';
        metric: string;
        variant?: string;
        value: number;
        threshold: number;
        /** Format: date-time */
        at: string;
        fallback: {
          variant: string;
          version: number;
        };
        promptVersion?: number | null;
      };
      archived: boolean;
      /** @description who archived it (stopped it, for an experiment), when and why; absent for older archives */
      archival?: {
        by: string;
        /** Format: date-time */
        at: string;
        comment?: string;
      };
      /** @description the version in force now */
      activeVersion: number | null;
      draftVersion: number | null;
      latestVersion: number;
      /** @description publications that take effect later */
      scheduled: {
        version: number;
        /** Format: date-time */
        effectiveFrom: string;
        /** Format: date-time */
        effectiveTo?: string;
        publishedBy: string;
        /** Format: date-time */
        publishedAt: string;
        /** @enum {string} */
        kind: 'publish' | 'rollback';
        comment?: string;
      }[];
      versions: components['schemas']['VersionView'][];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description only in a create's answer: the first draft's number
       * @constant
       */
      version?: 1;
      /**
       * @description only in a create's answer: the first draft's status
       * @constant
       */
      status?: 'draft';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuditController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["seq","DESC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description the same filters as JSON; a filter also given as its own parameter takes the parameter’s value */
        filter?: string;
        resourceType?: string;
        resourceKey?: string;
        actor?: string;
        action?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            seq: number;
            /** Format: date-time */
            at: string;
            actor: string;
            /** @example ruleset.published */
            action: string;
            resourceType: string;
            resourceKey?: string;
            version?: number;
            reason?: string;
            summary?: {
              before?: unknown;
              after?: unknown;
            };
            details?: Record<string, unknown>;
            prevHash: string;
            hash: string;
          }[];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AuditController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ok: boolean;
            /** @description events checked (before the break, if any) */
            events: number;
            /** @description hash of the last event */
            head?: string;
            brokenAt?: {
              seq?: number;
              eventId?: string;
              /**
               * @description truncated / rewritten: the chain holds together but disagrees with the anchors kept outside the database: shorter than the furthest one (truncated), or another hash at an anchored position, the first such position being named (rewritten)
               * @enum {string}
               */
              reason?:
                | 'missing_event'
                | 'prev_hash_mismatch'
                | 'hash_mismatch'
                | 'unkeyed_after_keyed'
                | 'truncated'
                | 'rewritten';
            };
            /** @description the latest (position, hash) anchored outside the database, that the chain was compared with */
            anchor?: {
              seq?: number;
              head?: string;
              at?: string;
            };
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AuditController_export: {
    parameters: {
      query?: {
        /** @description the same filters as JSON; a filter also given as its own parameter takes the parameter’s value */
        filter?: string;
        resourceType?: string;
        resourceKey?: string;
        actor?: string;
        action?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The matching events as CSV (formulas escaped). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
          password: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description JWT to send as `Authorization: Bearer <token>` */
            token: string;
            /** Format: date-time */
            expiresAt: string;
            user: {
              username: string;
              displayName: string;
              roles: ('analyst' | 'approver' | 'risk' | 'admin')[];
            };
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown username or wrong password. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The password is right but the account may not sign in: disabled by an administrator (`account_disabled`), or a demo account in production (`demo_account_disabled`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many attempts from this address, or for this account: Retry-After says when to try again. */
      429: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no content. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'user' | 'apiKey';
            username?: string;
            roles?: ('analyst' | 'approver' | 'risk' | 'admin')[];
            id?: string;
            name?: string;
            scopes?: string[];
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApiKeysController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["createdAt","DESC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description a JSON object of filters */
        filter?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            scopes: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            revoked: boolean;
            /** Format: date-time */
            revokedAt?: string;
            /**
             * Format: date-time
             * @description when the key last opened a request (written at most once a minute), whether or not its scopes then allowed what was asked: someone still holds it, which matters before revoking it
             */
            lastUsedAt?: string;
            /**
             * Format: date-time
             * @description absent: the key does not expire
             */
            expiresAt?: string;
            /** @description past its expiry, as of this answer */
            expired?: boolean;
          }[];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          scopes: string[];
          /**
           * Format: date-time
           * @description when the key stops working (401 api_key_expired from then on); in the future. Absent: the key works until it is revoked
           */
          expiresAt?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @description The secret, shown this once only. Send it as the X-API-Key header, or as `Authorization: Bearer <key>`. */
            key: string;
            name: string;
            scopes: string[];
            /** Format: date-time */
            expiresAt?: string;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            scopes: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            revoked: boolean;
            /** Format: date-time */
            revokedAt?: string;
            /**
             * Format: date-time
             * @description when the key last opened a request (written at most once a minute), whether or not its scopes then allowed what was asked: someone still holds it, which matters before revoking it
             */
            lastUsedAt?: string;
            /**
             * Format: date-time
             * @description absent: the key does not expire
             */
            expiresAt?: string;
            /** @description past its expiry, as of this answer */
            expired?: boolean;
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["username","ASC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description a JSON object of filters */
        filter?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string;
            roles: ('analyst' | 'approver' | 'risk' | 'admin')[];
            disabled: boolean;
            demo: boolean;
            locked: boolean;
            /** Format: date-time */
            lastLoginAt?: string;
            /** Format: date-time */
            createdAt?: string;
          }[];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase letters, digits, . _ -; 2 to 64 characters */
          username: string;
          /** @description a name in words, not only spaces, without direction overrides */
          displayName: string;
          /** @description at least 12 characters, and not easily guessed: zxcvbn scores it 3 of 4 or more (a few unrelated words do) */
          password: string;
          roles: ('analyst' | 'approver' | 'risk' | 'admin')[];
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string;
            roles: ('analyst' | 'approver' | 'risk' | 'admin')[];
            disabled: boolean;
            demo: boolean;
            locked: boolean;
            /** Format: date-time */
            lastLoginAt?: string;
            /** Format: date-time */
            createdAt?: string;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string;
            roles: ('analyst' | 'approver' | 'risk' | 'admin')[];
            disabled: boolean;
            demo: boolean;
            locked: boolean;
            /** Format: date-time */
            lastLoginAt?: string;
            /** Format: date-time */
            createdAt?: string;
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description a name in words, not only spaces, without direction overrides */
          displayName?: string;
          /** @description at least 12 characters, and not easily guessed: zxcvbn scores it 3 of 4 or more (a few unrelated words do) */
          password?: string;
          roles?: ('analyst' | 'approver' | 'risk' | 'admin')[];
          disabled?: boolean;
          /** @constant */
          unlock?: true;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            username: string;
            displayName: string;
            roles: ('analyst' | 'approver' | 'risk' | 'admin')[];
            disabled: boolean;
            demo: boolean;
            locked: boolean;
            /** Format: date-time */
            lastLoginAt?: string;
            /** Format: date-time */
            createdAt?: string;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PeopleController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            username: string;
            displayName: string;
          }[];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_archive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_analysis: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetAnalysis'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_dmn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version as a DMN 1.3 file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/xml': string;
        };
      };
      /** @description The version is not a decision table (`/format`), or has cells DMN cannot express (each `/definition/rows/{i}/cells/{input}`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_importDmn: {
    parameters: {
      query: {
        key: string;
        pilot: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/xml': string;
        'text/xml': string;
      };
    };
    responses: {
      201: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The XML is malformed or declares a DOCTYPE, or entries do not map: `details` names each (`/definitions/decision/0/decisionTable/rule/{r}/inputEntry/{e}`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/xml or text/xml. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["key","ASC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description a JSON object of filters */
        filter?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'][];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase letters, digits and dashes, 2 to 63 characters, such as invoices-2026 */
          key: string;
          name: string;
          /** @description a pilot such as invoices, enrolment or chatbot */
          pilot: string;
          /** @enum {string} */
          format: 'rules' | 'decisionTable' | 'decisionTree';
          description?: string;
          /** @description JSON Schema of the facts; fields marked "x-pii": true are personal information */
          inputSchema: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description rules, decision table or decision tree, per the rule set format */
          definition: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description named cases: {name, facts, expectedEvents} */
          tests?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
          /** @description facts computed before the rules run: {name, expression (CEL, e.g. round(invoice.subtotal * 0.05, 2))} */
          computedFacts?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
          /** @description {logDecisions}: store a decision record per evaluation (default true); {decidesAboutPersons}: decisions about persons get receipts and review requests (default false) */
          settings?: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description facts read from reference tables: {fact, table, key: {fact, path?} or {value}, column?} */
          lookups?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
        };
      };
    };
    responses: {
      201: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_updateDraft: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description JSON Schema of the facts; fields marked "x-pii": true are personal information */
          inputSchema?: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description rules, decision table or decision tree, per the rule set format */
          definition?: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description named cases: {name, facts, expectedEvents} */
          tests?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
          /** @description facts computed before the rules run: {name, expression (CEL, e.g. round(invoice.subtotal * 0.05, 2))} */
          computedFacts?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
          /** @description {logDecisions}: store a decision record per evaluation (default true); {decidesAboutPersons}: decisions about persons get receipts and review requests (default false) */
          settings?: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description facts read from reference tables: {fact, table, key: {fact, path?} or {value}, column?} */
          lookups?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionView'][];
        };
      };
      /** @description A query parameter (`/range`, `/sort`, `/filter`…): this list is returned whole and takes none. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the version number (react-admin reads `id`) */
            id: number;
            number: number;
            /** @enum {string} */
            status: 'draft' | 'in_review' | 'approved' | 'published' | 'retired';
            /** @description of the content; set once submitted */
            checksum?: string;
            /** @description the version a draft started from */
            basedOn?: number;
            /** @description the draft only: its revision, one more at each save; submitting it may name it (`revision`) */
            revision?: number;
            authors: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            submittedBy?: string;
            /** Format: date-time */
            submittedAt?: string;
            approvedBy?: string;
            /** Format: date-time */
            approvedAt?: string;
            /** @description the approval holds only for this exact content */
            approvalChecksum?: string;
            rejectedBy?: string;
            /** Format: date-time */
            rejectedAt?: string;
            publishedBy?: string;
            /** Format: date-time */
            publishedAt?: string;
            comments: {
              by: string;
              /** Format: date-time */
              at: string;
              action: string;
              text: string;
            }[];
            testRun?: {
              checksum: string;
              passed: number;
              failed: number;
              /** @description prompts: cases that check the model's answer and were not checked; absent when none */
              skipped?: number;
              /** Format: date-time */
              at: string;
              by: string;
            };
            inForce: boolean;
            publications?: {
              version: number;
              /** Format: date-time */
              effectiveFrom: string;
              /** Format: date-time */
              effectiveTo?: string;
              publishedBy: string;
              /** Format: date-time */
              publishedAt: string;
              /** @enum {string} */
              kind: 'publish' | 'rollback';
              comment?: string;
            }[];
            /** @description rule sets: the version's latest shadow run, running or ended (its report: GET …/versions/{n}/shadow); absent when it never ran in shadow */
            shadow?: {
              percent: number;
              running: boolean;
              /** Format: date-time */
              startedAt: string;
              /** Format: date-time */
              stoppedAt?: string;
            };
            /** @description the version's content */
            content: {
              /** @description JSON Schema of the facts; fields marked "x-pii": true are personal information */
              inputSchema?: Record<string, unknown>;
              /** @description rules, decision table or decision tree, per the rule set format */
              definition?: Record<string, unknown>;
              /** @description named cases: {name, facts, expectedEvents} */
              tests?: Record<string, unknown>[];
              /** @description facts computed before the rules run: {name, expression (CEL, e.g. round(invoice.subtotal * 0.05, 2))} */
              computedFacts?: Record<string, unknown>[];
              /** @description {logDecisions}: store a decision record per evaluation (default true); {decidesAboutPersons}: decisions about persons get receipts and review requests (default false) */
              settings?: Record<string, unknown>;
              /** @description facts read from reference tables: {fact, table, key: {fact, path?} or {value}, column?} */
              lookups?: Record<string, unknown>[];
            };
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the draft's revision as the analyst read it (the version's `revision`); when the draft was saved again since, the submission is refused with 409 draft_changed. The console always sends it. */
          revision?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it. */
          checksum?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it. */
          checksum?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /**
           * Format: date-time
           * @description in force from this instant (default: now); a future instant schedules it
           */
          effectiveFrom?: string;
          /** Format: date-time */
          effectiveTo?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_unschedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description a reason in words, not only spaces */
          comment: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_rollback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          version: number;
          /** @description a reason in words, not only spaces */
          comment: string;
          /** @description the version in force as the caller saw it: refused (409 concurrent_publication) if another is in force now, so a rollback decided on a page read before a publication does not undo it */
          from?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RulesetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RulesetsController_diff: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            from: number;
            to: number;
            changes: {
              /** @enum {string} */
              kind: 'added' | 'removed' | 'changed' | 'moved';
              /** @enum {string} */
              entity:
                | 'rule'
                | 'namedCondition'
                | 'input'
                | 'row'
                | 'node'
                | 'hitPolicy'
                | 'inputSchema'
                | 'computedFact'
                | 'lookup'
                | 'setting'
                | 'test';
              /** @description the rule’s, computed fact’s or test’s name, the row’s, input’s or node’s id, the lookup’s fact, or the field’s path (input schema, settings) */
              id: string;
              /** @description JSON Pointer in the newer version */
              path: string;
              before?: unknown;
              after?: unknown;
              summary: string;
            }[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RuleVocabularyController_vocabulary: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            operators: string[];
            decorators: string[];
            formats: string[];
            /** @description the most a definition may hold */
            limits: {
              [key: string]: number;
            };
            /** @description each format's definition, as the server validates it */
            definition: {
              /** @description a JSON Schema (draft-07) */
              rules: Record<string, unknown>;
              /** @description a JSON Schema (draft-07) */
              decisionTable: Record<string, unknown>;
              /** @description a JSON Schema (draft-07) */
              decisionTree: Record<string, unknown>;
            };
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["key","ASC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description a JSON object of filters */
        filter?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'][];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase letters, digits and dashes, such as suppliers */
          key: string;
          name: string;
          description?: string;
          /** @description letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype */
          keyColumn: string;
          columns: {
            /** @description letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype */
            name: string;
            /** @enum {string} */
            type: 'string' | 'number' | 'boolean' | 'date';
            required?: boolean;
          }[];
          rows?: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
        };
      };
    };
    responses: {
      201: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description A published rule set already names this table: it is created empty, and its rows await an approver. */
      202: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_remove: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A published rule set reads the table: the deletion awaits an approver. */
      202: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_csv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rows as CSV the import reads back: separated by semicolons, decimal comma, booleans oui/non, dates YYYY-MM-DD, a byte-order mark; a text a spreadsheet would run as a formula starts with a quote. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_replaceRows: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rows: {
            [key: string]: components['schemas']['JsonValue'];
          }[];
          comment?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description A published rule set reads the table: the change awaits an approver. */
      202: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_changeDefinition: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @description absent or empty: the table has none */
          description?: string;
          /** @description letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype */
          keyColumn: string;
          columns: {
            /** @description letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype */
            name: string;
            /** @enum {string} */
            type: 'string' | 'number' | 'boolean' | 'date';
            required?: boolean;
            /** @description the name the column had: it keeps its values under its new one */
            renamedFrom?: string;
          }[];
          comment?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A change awaits approval (`change_pending`), or the columns change while a rule set that reads the table is published or on its way (`table_in_use`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_approvePending: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_rejectPending: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description a reason in words, not only spaces */
          comment: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReferenceTablesController_importCsv: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description CSV text with a header line naming each column once; , or ; separated. At most 20 000 rows, 50 columns and 32 768 characters a line (reading stops at the first limit passed). Dates YYYY-MM-DD from 1900-01-01 to 9999-12-31; booleans oui/non, vrai/faux, yes/no, true/false, 1/0; numbers such as 1 234,56 (in a file separated by commas, a comma before three digits after at most three, as in "1,000", is refused as ambiguous: 1 in French, 1000 in English; separated by semicolons, the comma is the decimal point). */
          csv: string;
          /**
           * @description replace all rows, or add and update rows by key: a merge changes only the columns its header names (a row it updates keeps its values in the others; a row it adds has none there)
           * @default replace
           * @enum {string}
           */
          mode?: 'replace' | 'merge';
          comment?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description A published rule set reads the table: the import awaits an approver. */
      202: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceTableView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EvaluationController_evaluate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          facts: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description a version number, or "active" (default): the version in force at asOf */
          version?: number | 'active';
          /**
           * Format: date-time
           * @description judge by the version in force at this instant (default: now)
           */
          asOf?: string;
          /** @description include the explanation and the rules that fired and failed */
          explain?: boolean;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ruleset: string;
            version: number;
            checksum: string;
            events: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            explanation?: {
              fr?: string;
              en?: string;
              rules?: {
                name?: string;
                fr?: string;
                en?: string;
                /** @description a tree's path, French labels */
                path?: string[];
                /** @description the same path, English labels */
                pathEn?: string[];
              }[];
            };
            fired?: {
              name?: string;
              event?: {
                type: string;
                params?: {
                  [key: string]: unknown;
                };
              };
              conditions?: {
                fact?: string;
                path?: string;
                operator?: string;
                value?: unknown;
                factValue?: unknown;
                /** @description null when the condition was not evaluated (short-circuit) */
                result?: boolean | null;
                /** @description the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record) */
                omitted?: {
                  value?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                  factValue?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                };
              }[];
            }[];
            failed?: {
              name?: string;
              event?: {
                type: string;
                params?: {
                  [key: string]: unknown;
                };
              };
              conditions?: {
                fact?: string;
                path?: string;
                operator?: string;
                value?: unknown;
                factValue?: unknown;
                /** @description null when the condition was not evaluated (short-circuit) */
                result?: boolean | null;
                /** @description the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record) */
                omitted?: {
                  value?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                  factValue?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                };
              }[];
            }[];
            evaluationId: string;
            /** @description true: the decision record is stored. false: no record is kept (the rule set does not log decisions, or a console user tried a version never published), or storing it was not confirmed (the database was away or slow: it may still have been stored, so do not decide again to get a record; read it back later by evaluationId, GET /api/v1/decisions/{id}, with a key holding decisions:read:<rule set>) */
            logged: boolean;
            durationMs: number;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EvaluationController_evaluateBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          items: {
            facts: {
              [key: string]: components['schemas']['JsonValue'];
            };
          }[];
          /** @description a version number, or "active" (default): the version in force at asOf */
          version?: number | 'active';
          /**
           * Format: date-time
           * @description judge by the version in force at this instant (default: now)
           */
          asOf?: string;
          explain?: boolean;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            results: {
              ruleset: string;
              version: number;
              checksum: string;
              events: {
                type: string;
                params?: {
                  [key: string]: unknown;
                };
              }[];
              explanation?: {
                fr?: string;
                en?: string;
                rules?: {
                  name?: string;
                  fr?: string;
                  en?: string;
                  /** @description a tree's path, French labels */
                  path?: string[];
                  /** @description the same path, English labels */
                  pathEn?: string[];
                }[];
              };
              fired?: {
                name?: string;
                event?: {
                  type: string;
                  params?: {
                    [key: string]: unknown;
                  };
                };
                conditions?: {
                  fact?: string;
                  path?: string;
                  operator?: string;
                  value?: unknown;
                  factValue?: unknown;
                  /** @description null when the condition was not evaluated (short-circuit) */
                  result?: boolean | null;
                  /** @description the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record) */
                  omitted?: {
                    value?: {
                      /** @enum {string} */
                      type: 'array' | 'object' | 'string';
                      /** @description its items, entries or characters */
                      length: number;
                    };
                    factValue?: {
                      /** @enum {string} */
                      type: 'array' | 'object' | 'string';
                      /** @description its items, entries or characters */
                      length: number;
                    };
                  };
                }[];
              }[];
              failed?: {
                name?: string;
                event?: {
                  type: string;
                  params?: {
                    [key: string]: unknown;
                  };
                };
                conditions?: {
                  fact?: string;
                  path?: string;
                  operator?: string;
                  value?: unknown;
                  factValue?: unknown;
                  /** @description null when the condition was not evaluated (short-circuit) */
                  result?: boolean | null;
                  /** @description the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record) */
                  omitted?: {
                    value?: {
                      /** @enum {string} */
                      type: 'array' | 'object' | 'string';
                      /** @description its items, entries or characters */
                      length: number;
                    };
                    factValue?: {
                      /** @enum {string} */
                      type: 'array' | 'object' | 'string';
                      /** @description its items, entries or characters */
                      length: number;
                    };
                  };
                }[];
              }[];
              evaluationId: string;
              /** @description true: the decision record is stored. false: no record is kept (the rule set does not log decisions, or a console user tried a version never published), or storing it was not confirmed (the database was away or slow: it may still have been stored, so do not decide again to get a record; read it back later by evaluationId, GET /api/v1/decisions/{id}, with a key holding decisions:read:<rule set>) */
              logged: boolean;
              durationMs: number;
            }[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EvaluationController_decision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            ruleset: string;
            version: number;
            checksum: string;
            /** Format: date-time */
            at: string;
            /** @description the API key or user that asked */
            actor: string;
            /** @description as sent; personal fields masked for a reader without the PII permission */
            facts: {
              [key: string]: unknown;
            };
            events: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            fired: {
              name?: string;
              event?: {
                type: string;
                params?: {
                  [key: string]: unknown;
                };
              };
              conditions?: {
                fact?: string;
                path?: string;
                operator?: string;
                value?: unknown;
                factValue?: unknown;
                /** @description null when the condition was not evaluated (short-circuit) */
                result?: boolean | null;
                /** @description the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record) */
                omitted?: {
                  value?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                  factValue?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                };
              }[];
            }[];
            failed: {
              name?: string;
              event?: {
                type: string;
                params?: {
                  [key: string]: unknown;
                };
              };
              conditions?: {
                fact?: string;
                path?: string;
                operator?: string;
                value?: unknown;
                factValue?: unknown;
                /** @description null when the condition was not evaluated (short-circuit) */
                result?: boolean | null;
                /** @description the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record) */
                omitted?: {
                  value?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                  factValue?: {
                    /** @enum {string} */
                    type: 'array' | 'object' | 'string';
                    /** @description its items, entries or characters */
                    length: number;
                  };
                };
              }[];
            }[];
            explanation?: {
              fr?: string;
              en?: string;
              rules?: {
                name?: string;
                fr?: string;
                en?: string;
                /** @description a tree's path, French labels */
                path?: string[];
                /** @description the same path, English labels */
                pathEn?: string[];
              }[];
            };
            durationMs: number;
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EvaluationController_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: number;
            checksum: string;
            passed: number;
            failed: number;
            cases: {
              name: string;
              passed: boolean;
              /** @description event types */
              expected: string[];
              /** @description event types */
              actual: string[];
              /** @description why the case could not run (a missing fact, say) */
              error?: string;
            }[];
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EvaluationController_impact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @default 500 */
          limit?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activeVersion: number;
            version: number;
            /** @description decisions replayed */
            compared: number;
            /** @description decisions whose outcome would change */
            changed: number;
            /** @description decisions one of the versions could not decide on masked facts: neither changed nor unchanged (0 for readers who see personal fields) */
            notCompared: number;
            /** @description how many decisions go from one outcome to another ("approve → review": 3) */
            byTransition: {
              [key: string]: number;
            };
            examples: {
              evaluationId: string;
              before: string;
              after: string;
            }[];
            /** @description replayed on masked facts: the reader may not see personal fields */
            maskedFacts?: boolean;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An impact analysis of the caller is still running (`impact_running`), or two are running in all (`impact_busy`); Retry-After says when to try again. */
      429: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ShadowController_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShadowReport'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ShadowController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description share of live evaluations of the version in force also evaluated by this version */
          percent: number;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShadowStarted'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The version is not in review nor approved (or is published), or nothing is in force to compare with (`/version`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ShadowController_stop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no content. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReviewsController_receipt: {
    parameters: {
      query?: {
        lang?: 'fr' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            decisionId: string;
            /** @enum {string} */
            lang: 'fr' | 'en';
            title?: string;
            decision: {
              /** @description the automated decision's events */
              events: {
                type: string;
                params?: {
                  [key: string]: unknown;
                };
              }[];
              /** @description the decision that holds, in words, in the requested language (a staff member's override, once decided) */
              outcome: string;
              /** @description present once a review overrode the decision: the automated decision, in words */
              automatedOutcome?: string;
            };
            ruleset: string;
            rulesetName?: string;
            version: number;
            checksum: string;
            /** Format: date-time */
            decidedAt: string;
            /** @description the date in words (fr-CA or en-CA, Québec time) */
            decidedAtText?: string;
            /** @description the information the decision was made from: every input field it received, titled */
            personalInformation: {
              /** @description JSON Pointer in the facts */
              path: string;
              title: string;
              /** @description marked x-pii in the input schema */
              personal: boolean;
              /** @description false when the value is withheld from this reader */
              shown: boolean;
              /** @description the value, when shown */
              value?: unknown;
              /** @description a coded value in words, in the receipt's language, when the input schema names it */
              valueText?: string;
            }[];
            /** @description whether this reader may see personal values */
            personalValuesShown?: boolean;
            /** @description the whole explanation, in plain language */
            summary?: string;
            factors: {
              rule?: string;
              text: string;
              path?: string[];
            }[];
            /** @description present while a review request of the decision is open (the latest received): when, and by when */
            pendingReview?: {
              /** Format: date-time */
              submittedAt: string;
              /** Format: date-time */
              dueAt: string;
              /** @description in words, in the receipt language */
              text: string;
            };
            /** @description what a staff member's review made of the decision, once decided (the latest) */
            review?: {
              /** @enum {string} */
              outcome: 'confirmed' | 'overridden';
              /** Format: date-time */
              decidedAt: string;
              /** @description in words, in the receipt language */
              text: string;
              /** @description the reviewer's reason, as written; only for readers who may see personal information */
              reason?: string;
            };
            rights: {
              correction: {
                title: string;
                text: string;
              };
              review: {
                title: string;
                text: string;
              };
            };
            /** @description the id of the audit event that records this receipt */
            auditRef: string;
            /** @description that event’s hash in the audit chain */
            auditHash?: string;
            /** @description the whole receipt as plain text */
            text: string;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The rule set that made the decision does not decide about persons (`not_about_persons`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReviewsController_ofDecision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            decisionId: string;
            ruleset: string;
            version: number;
            /** @description the events the automated decision returned */
            automatedDecision: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            /** @enum {string} */
            status: 'open' | 'closed';
            observations: string;
            receivedVia?: string;
            /** @description the username, or `api-key:<id>` when a system recorded it */
            submittedBy: string;
            /** @description when a system recorded it: its API key's name at the time */
            submitterName?: string;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            dueAt: string;
            /** @description open past its due date, or closed after it */
            overdue: boolean;
            /** @description whole days since submission (until the decision, once closed) */
            ageDays: number;
            /** @enum {string} */
            outcome?: 'confirmed' | 'overridden';
            reason?: string;
            newDecision?: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            };
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
            /** @description open requests: the outcomes the reviewed version gives, one of which an override decides */
            outcomes?: string[];
          }[];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The rule set that made the decision does not decide about persons (`not_about_persons`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReviewsController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description some text in words, not only spaces */
          observations: string;
          /**
           * @description how the observations reached the staff member
           * @enum {string}
           */
          receivedVia?: 'in_person' | 'phone' | 'mail' | 'email' | 'online' | 'other';
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            decisionId: string;
            ruleset: string;
            version: number;
            /** @description the events the automated decision returned */
            automatedDecision: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            /** @enum {string} */
            status: 'open' | 'closed';
            observations: string;
            receivedVia?: string;
            /** @description the username, or `api-key:<id>` when a system recorded it */
            submittedBy: string;
            /** @description when a system recorded it: its API key's name at the time */
            submitterName?: string;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            dueAt: string;
            /** @description open past its due date, or closed after it */
            overdue: boolean;
            /** @description whole days since submission (until the decision, once closed) */
            ageDays: number;
            /** @enum {string} */
            outcome?: 'confirmed' | 'overridden';
            reason?: string;
            newDecision?: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            };
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
            /** @description open requests: the outcomes the reviewed version gives, one of which an override decides */
            outcomes?: string[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReviewsController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["dueAt","ASC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description the same filters as JSON; a filter also given as its own parameter takes the parameter’s value */
        filter?: string;
        status?: 'open' | 'closed';
        ruleset?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            decisionId: string;
            ruleset: string;
            version: number;
            /** @description the events the automated decision returned */
            automatedDecision: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            /** @enum {string} */
            status: 'open' | 'closed';
            observations: string;
            receivedVia?: string;
            /** @description the username, or `api-key:<id>` when a system recorded it */
            submittedBy: string;
            /** @description when a system recorded it: its API key's name at the time */
            submitterName?: string;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            dueAt: string;
            /** @description open past its due date, or closed after it */
            overdue: boolean;
            /** @description whole days since submission (until the decision, once closed) */
            ageDays: number;
            /** @enum {string} */
            outcome?: 'confirmed' | 'overridden';
            reason?: string;
            newDecision?: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            };
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
            /** @description open requests: the outcomes the reviewed version gives, one of which an override decides */
            outcomes?: string[];
          }[];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReviewsController_one: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            decisionId: string;
            ruleset: string;
            version: number;
            /** @description the events the automated decision returned */
            automatedDecision: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            /** @enum {string} */
            status: 'open' | 'closed';
            observations: string;
            receivedVia?: string;
            /** @description the username, or `api-key:<id>` when a system recorded it */
            submittedBy: string;
            /** @description when a system recorded it: its API key's name at the time */
            submitterName?: string;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            dueAt: string;
            /** @description open past its due date, or closed after it */
            overdue: boolean;
            /** @description whole days since submission (until the decision, once closed) */
            ageDays: number;
            /** @enum {string} */
            outcome?: 'confirmed' | 'overridden';
            reason?: string;
            newDecision?: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            };
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
            /** @description open requests: the outcomes the reviewed version gives, one of which an override decides */
            outcomes?: string[];
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReviewsController_decide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          outcome: 'confirmed' | 'overridden';
          /** @description a reason in words, not only spaces */
          reason: string;
          /** @description required when overridden: the decision the reviewer makes instead (kept beside the automated one); its type is one of the outcomes the reviewed version gives (the view’s `outcomes`) */
          newDecision?: {
            type: string;
            params?: {
              [key: string]: components['schemas']['JsonValue'];
            };
          };
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            decisionId: string;
            ruleset: string;
            version: number;
            /** @description the events the automated decision returned */
            automatedDecision: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            }[];
            /** @enum {string} */
            status: 'open' | 'closed';
            observations: string;
            receivedVia?: string;
            /** @description the username, or `api-key:<id>` when a system recorded it */
            submittedBy: string;
            /** @description when a system recorded it: its API key's name at the time */
            submitterName?: string;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            dueAt: string;
            /** @description open past its due date, or closed after it */
            overdue: boolean;
            /** @description whole days since submission (until the decision, once closed) */
            ageDays: number;
            /** @enum {string} */
            outcome?: 'confirmed' | 'overridden';
            reason?: string;
            newDecision?: {
              type: string;
              params?: {
                [key: string]: unknown;
              };
            };
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
            /** @description open requests: the outcomes the reviewed version gives, one of which an override decides */
            outcomes?: string[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: number;
            checksum: string;
            passed: number;
            failed: number;
            /** @description cases that check the model's answer, when no model is configured */
            skipped: number;
            cases: {
              name: string;
              passed: boolean;
              skipped?: boolean;
              /** @description the model's answer was checked, not the prompt */
              checkedAnswer?: boolean;
              /** @description the problems below, in English */
              failures: string[];
              /** @description what the case found wrong, for a client to word: a text missing from the output or present in it, an output too long, an error (the prompt did not render, the model did not answer), an answer not checked because the run spent its time on the model */
              problems?: {
                /** @enum {string} */
                kind: 'missing' | 'present' | 'too_long' | 'error' | 'not_checked';
                text?: string;
                length?: number;
                max?: number;
                code?: string;
                message?: string;
                /** @description an error’s problems, each at its path, as in the error body */
                details?: {
                  /** @description JSON Pointer to the offending place in the request */
                  path: string;
                  /** @description what is wrong there, in English */
                  message: string;
                  /**
                   * @description the kind of problem (a JSON Schema keyword such as minimum, taken for a used key, dmn for a part of a DMN file the import cannot convert, syntax for a file a parser cannot read)
                   * @example required
                   */
                  keyword?: string;
                  /** @description the values the problem depends on, by keyword (e.g. {comparison, limit} for minimum; {reason, text, at} for dmn; {line, column, reason} for syntax) */
                  params?: Record<string, unknown>;
                }[];
                seconds?: number;
              }[];
            }[];
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_render: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          variables: {
            [key: string]: components['schemas']['JsonValue'];
          };
          version?: number | 'active';
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            prompt: string;
            /** @description the version rendered (for a preview, the one the edits apply to) */
            version: number;
            system: string | null;
            text: string;
            model: string;
            maxTokens: number;
            stopSequences?: string[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          variables: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @enum {string} */
          locale?: 'fr' | 'en';
          /** @description Handlebars; helpers: eq, join, truncate, formatDate */
          template?: string;
          system?: string;
          /** @description a Claude model id such as claude-sonnet-4-6 */
          model?: string;
          maxTokens?: number;
          stopSequences?: string[];
          /** @description JSON Schema of the variables; every variable the templates read must be declared */
          variablesSchema?: {
            [key: string]: components['schemas']['JsonValue'];
          };
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            prompt: string;
            /** @description the version rendered (for a preview, the one the edits apply to) */
            version: number;
            system: string | null;
            text: string;
            model: string;
            maxTokens: number;
            stopSequences?: string[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["key","ASC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description a JSON object of filters */
        filter?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'][];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase letters, digits and dashes, such as chatbot-answer */
          key: string;
          name: string;
          pilot: string;
          /** @enum {string} */
          locale: 'fr' | 'en';
          /** @description Handlebars; helpers: eq, join, truncate, formatDate */
          template: string;
          system?: string;
          /** @description a Claude model id such as claude-sonnet-4-6 */
          model: string;
          maxTokens: number;
          stopSequences?: string[];
          /** @description JSON Schema of the variables; every variable the templates read must be declared */
          variablesSchema: {
            [key: string]: components['schemas']['JsonValue'];
          };
          tests?: {
            name: string;
            variables: {
              [key: string]: components['schemas']['JsonValue'];
            };
            expect: {
              contains?: string[];
              notContains?: string[];
              maxLength?: number;
            };
            needsModel?: boolean;
          }[];
          settings?: {
            /** @description publishing needs a run of this evaluation set on the version, with at least this pass rate */
            requireEvaluation?: {
              /** @description an evaluation set name */
              set: string;
              minPassRate: number;
            };
          };
        };
      };
    };
    responses: {
      201: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_updateDraft: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          locale?: 'fr' | 'en';
          /** @description Handlebars; helpers: eq, join, truncate, formatDate */
          template?: string;
          system?: string;
          /** @description a Claude model id such as claude-sonnet-4-6 */
          model?: string;
          maxTokens?: number;
          stopSequences?: string[];
          /** @description JSON Schema of the variables; every variable the templates read must be declared */
          variablesSchema?: {
            [key: string]: components['schemas']['JsonValue'];
          };
          tests?: {
            name: string;
            variables: {
              [key: string]: components['schemas']['JsonValue'];
            };
            expect: {
              contains?: string[];
              notContains?: string[];
              maxLength?: number;
            };
            needsModel?: boolean;
          }[];
          settings?: {
            /** @description publishing needs a run of this evaluation set on the version, with at least this pass rate */
            requireEvaluation?: {
              /** @description an evaluation set name */
              set: string;
              minPassRate: number;
            };
          };
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionView'][];
        };
      };
      /** @description A query parameter (`/range`, `/sort`, `/filter`…): this list is returned whole and takes none. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the version number (react-admin reads `id`) */
            id: number;
            number: number;
            /** @enum {string} */
            status: 'draft' | 'in_review' | 'approved' | 'published' | 'retired';
            /** @description of the content; set once submitted */
            checksum?: string;
            /** @description the version a draft started from */
            basedOn?: number;
            /** @description the draft only: its revision, one more at each save; submitting it may name it (`revision`) */
            revision?: number;
            authors: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            submittedBy?: string;
            /** Format: date-time */
            submittedAt?: string;
            approvedBy?: string;
            /** Format: date-time */
            approvedAt?: string;
            /** @description the approval holds only for this exact content */
            approvalChecksum?: string;
            rejectedBy?: string;
            /** Format: date-time */
            rejectedAt?: string;
            publishedBy?: string;
            /** Format: date-time */
            publishedAt?: string;
            comments: {
              by: string;
              /** Format: date-time */
              at: string;
              action: string;
              text: string;
            }[];
            testRun?: {
              checksum: string;
              passed: number;
              failed: number;
              /** @description prompts: cases that check the model's answer and were not checked; absent when none */
              skipped?: number;
              /** Format: date-time */
              at: string;
              by: string;
            };
            inForce: boolean;
            publications?: {
              version: number;
              /** Format: date-time */
              effectiveFrom: string;
              /** Format: date-time */
              effectiveTo?: string;
              publishedBy: string;
              /** Format: date-time */
              publishedAt: string;
              /** @enum {string} */
              kind: 'publish' | 'rollback';
              comment?: string;
            }[];
            /** @description rule sets: the version's latest shadow run, running or ended (its report: GET …/versions/{n}/shadow); absent when it never ran in shadow */
            shadow?: {
              percent: number;
              running: boolean;
              /** Format: date-time */
              startedAt: string;
              /** Format: date-time */
              stoppedAt?: string;
            };
            /** @description the version's content */
            content: {
              /** @enum {string} */
              locale?: 'fr' | 'en';
              /** @description Handlebars; helpers: eq, join, truncate, formatDate */
              template?: string;
              system?: string;
              /** @description a Claude model id such as claude-sonnet-4-6 */
              model?: string;
              maxTokens?: number;
              stopSequences?: string[];
              /** @description JSON Schema of the variables; every variable the templates read must be declared */
              variablesSchema?: Record<string, unknown>;
              tests?: {
                name: string;
                variables: Record<string, unknown>;
                expect: {
                  contains?: string[];
                  notContains?: string[];
                  maxLength?: number;
                };
                needsModel?: boolean;
              }[];
              settings?: {
                /** @description publishing needs a run of this evaluation set on the version, with at least this pass rate */
                requireEvaluation?: {
                  /** @description an evaluation set name */
                  set: string;
                  minPassRate: number;
                };
              };
            };
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the draft's revision as the analyst read it (the version's `revision`); when the draft was saved again since, the submission is refused with 409 draft_changed. The console always sends it. */
          revision?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it. */
          checksum?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it. */
          checksum?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /**
           * Format: date-time
           * @description in force from this instant (default: now); a future instant schedules it
           */
          effectiveFrom?: string;
          /** Format: date-time */
          effectiveTo?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_unschedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description a reason in words, not only spaces */
          comment: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_rollback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          version: number;
          /** @description a reason in words, not only spaces */
          comment: string;
          /** @description the version in force as the caller saw it: refused (409 concurrent_publication) if another is in force now, so a rollback decided on a page read before a publication does not undo it */
          from?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromptView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptsController_diff: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            from: number;
            to: number;
            template: {
              /** @enum {string} */
              field: 'template' | 'system';
              /** @enum {string} */
              kind: 'added' | 'removed';
              /** @description the lines added or removed */
              text: string;
            }[];
            system: {
              /** @enum {string} */
              field: 'template' | 'system';
              /** @enum {string} */
              kind: 'added' | 'removed';
              /** @description the lines added or removed */
              text: string;
            }[];
            settings: {
              /** @description JSON Pointer of the field */
              path: string;
              /** @description absent when the field was added */
              before?: unknown;
              /** @description absent when the field was removed */
              after?: unknown;
            }[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptEvaluationController_listSets: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationSetSummary'][];
        };
      };
      /** @description A query parameter (`/range`, `/sort`, `/filter`…): this list is returned whole and takes none. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptEvaluationController_createSet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase letters, digits and dashes, such as regression */
          name: string;
          cases: {
            name?: string;
            variables: {
              [key: string]: components['schemas']['JsonValue'];
            };
            expect: {
              /** @enum {string} */
              type: 'contains' | 'notContains' | 'regex' | 'jsonSchema' | 'length' | 'rubric';
              /** @description contains, notContains */
              value?: string;
              /** @description regex (RE2 syntax, linear time) */
              pattern?: string;
              /** @description jsonSchema: the output parsed as JSON must match it */
              schema?: {
                [key: string]: components['schemas']['JsonValue'];
              };
              /** @description length: fewest characters */
              min?: number;
              /** @description length: most characters */
              max?: number;
              /** @description rubric: what the judge scores */
              criteria?: string;
              /** @description rubric: lowest passing score (default 3) */
              minScore?: number;
            }[];
          }[];
          /** @description key of the prompt whose version in force judges rubrics */
          judgePrompt?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationSetView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptEvaluationController_getSet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationSetView'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptEvaluationController_listRuns: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationRunView'][];
        };
      };
      /** @description A query parameter (`/range`, `/sort`, `/filter`…): this list is returned whole and takes none. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptEvaluationController_run: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description name of the evaluation set */
          set: string;
          /** @description tokens (input and output, judges included) after which no case is started (default EVAL_RUN_BUDGET_TOKENS) */
          budgetTokens?: number;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationRunView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The database is unavailable (Retry-After says when to try again), or no language model is configured (`llm_not_configured`). Model failures are each case’s error, not the run’s. */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptEvaluationController_getRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationRunView'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_stop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_feedback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          completionId: string;
          /** @enum {string} */
          outcome: 'positive' | 'negative';
          value?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            completionId: string;
            variant: string;
            /** @enum {string} */
            outcome: 'positive' | 'negative';
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_results: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            experiment: string;
            prompt: string;
            running: boolean;
            variants: {
              name: string;
              version: number;
              weight: number;
              /** @description people (distinct subjects) served at least one answer */
              exposures: number;
              /** @description people assigned to the variant, whatever their requests gave (an answer, an error, the provider’s failure) */
              assigned?: number;
              /** @description those of them whose requests have all ended (while the experiment runs, who began more than LLM_TIMEOUT_MS + 5 s ago): what the split check counts, a slower variant having fewer people answered at any moment */
              settled?: number;
              /** @description people who gave positive feedback on at least one answer (the feedback given last on each) */
              conversions: number;
              /** @description null before the variant has an exposure */
              rate: number | null;
              ci95: number[];
              /** @description null before the variant has an answer */
              errorRate: number | null;
              p95LatencyMs?: number | null;
              costPerAnswer?: number | null;
              guardrailBreached?: boolean;
            }[];
            srm: {
              pValue: number;
              mismatch: boolean;
            };
            comparison: {
              control: string;
              /** @description fixed-horizon z-test (valid for one look only) */
              pValue: number;
              /** @description by the fixed-horizon z-test, like pValue; a difference shown at every look is byVariant[].sequential.canStop */
              winner?: string;
              byVariant: {
                name: string;
                pValue: number;
                /** @description its rate is above the control’s: a direction only, whatever the p-value (a difference is shown by sequential.canStop) */
                better: boolean;
                /** @description always-valid inference on the difference of rates (variant − control): mSPRT with a normal mixture (Johari, Pekelis and Walsh 2022) */
                sequential: {
                  variant?: string;
                  pValue: number;
                  confidenceSequence: number[];
                  /** @description every variant has the minimum sample and pValue < 0.05 */
                  canStop: boolean;
                };
                probabilityToBeatControl: number;
                /** @description the confidence sequence as it stood after each block of subjects, oldest first */
                boundary: {
                  /** @description people served by this variant and the control */
                  subjects: number;
                  difference: number;
                  confidenceSequence: number[];
                  pValue: number;
                }[];
              }[];
            };
            /** @description always-valid inference on the difference of rates (variant − control): mSPRT with a normal mixture (Johari, Pekelis and Walsh 2022); here for the variant with the lowest always-valid p-value (named) */
            sequential: {
              variant?: string;
              pValue: number;
              confidenceSequence: number[];
              /** @description every variant has the minimum sample and pValue < 0.05 */
              canStop: boolean;
            };
            /** @description P(rate of that variant > rate of the control), Beta(1, 1) priors, computed exactly */
            probabilityToBeatControl: number;
            guardrails: {
              variant: string;
              /** @enum {string} */
              metric: 'error_rate' | 'p95_latency_ms' | 'cost_per_answer';
              value: number | null;
              threshold: number;
              breached: boolean;
            }[];
            minimumSample: {
              perVariant: number;
              reached: boolean;
            };
            halt?: {
              /** @enum {string} */
              reason: 'guardrail' | 'srm';
              metric: string;
              variant?: string;
              value: number;
              threshold: number;
              /** Format: date-time */
              at: string;
              fallback: {
                variant: string;
                version: number;
              };
              promptVersion?: number | null;
            };
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_list: {
    parameters: {
      query?: {
        /** @description ["field","ASC"|"DESC"], default ["key","ASC"] */
        sort?: string;
        /** @description [start, end], both included, at most 500 items; default [0,24] */
        range?: string;
        /** @description a JSON object of filters */
        filter?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'][];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          key: string;
          name: string;
          prompt: string;
          /** @description the first variant is the control */
          variants: {
            name: string;
            version: number;
            weight: number;
          }[];
          /** @description default: the experiment key */
          salt?: string;
          /**
           * @description share of subjects in the experiment, at least one in a thousand: an experiment serving nobody would hold the prompt
           * @default 1
           */
          coverage?: number;
          /** @description maxErrorRate defaults to 0.05; breaching any threshold stops the experiment (docs/adr/0029) */
          guardrails?: {
            maxErrorRate?: number;
            /** @description default 20000; at most 10 minutes */
            maxP95LatencyMs?: number;
            /** @description highest mean cost of an answer, in the currency of pricePerMillionTokens (default 0.1) */
            maxCostPerAnswer?: number;
            /** @description the price of every variant's tokens; default: the list price of each variant's model in US dollars (Claude Sonnet's, 3 and 15, for a model of no known family); at most 10 000 each */
            pricePerMillionTokens?: {
              input: number;
              output: number;
            };
            /** @description people served per variant before any verdict, and answers per variant before a guardrail may stop the experiment (default 100) */
            minSamplePerVariant?: number;
          };
        };
      };
    };
    responses: {
      201: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_updateDraft: {
    parameters: {
      query?: never;
      header: {
        /** @description the ETag of the version you read (strong; `*` is not taken: any version would match) */
        'If-Match': string;
      };
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description the first variant is the control */
          variants?: {
            name: string;
            version: number;
            weight: number;
          }[];
          coverage?: number;
          /** @description maxErrorRate defaults to 0.05; breaching any threshold stops the experiment (docs/adr/0029) */
          guardrails?: {
            maxErrorRate?: number;
            /** @description default 20000; at most 10 minutes */
            maxP95LatencyMs?: number;
            /** @description highest mean cost of an answer, in the currency of pricePerMillionTokens (default 0.1) */
            maxCostPerAnswer?: number;
            /** @description the price of every variant's tokens; default: the list price of each variant's model in US dollars (Claude Sonnet's, 3 and 15, for a model of no known family); at most 10 000 each */
            pricePerMillionTokens?: {
              input: number;
              output: number;
            };
            /** @description people served per variant before any verdict, and answers per variant before a guardrail may stop the experiment (default 100) */
            minSamplePerVariant?: number;
          };
        };
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match does not match the current ETag: someone else changed it; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description If-Match is required: send the ETag you read. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the items of this page and the total, e.g. `rulesets 0-24/319` (`rulesets *\/0` when empty) */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionView'][];
        };
      };
      /** @description A query parameter (`/range`, `/sort`, `/filter`…): this list is returned whole and takes none. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version of the resource read; send it back as If-Match to change it */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the version number (react-admin reads `id`) */
            id: number;
            number: number;
            /** @enum {string} */
            status: 'draft' | 'in_review' | 'approved' | 'published' | 'retired';
            /** @description of the content; set once submitted */
            checksum?: string;
            /** @description the version a draft started from */
            basedOn?: number;
            /** @description the draft only: its revision, one more at each save; submitting it may name it (`revision`) */
            revision?: number;
            authors: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            submittedBy?: string;
            /** Format: date-time */
            submittedAt?: string;
            approvedBy?: string;
            /** Format: date-time */
            approvedAt?: string;
            /** @description the approval holds only for this exact content */
            approvalChecksum?: string;
            rejectedBy?: string;
            /** Format: date-time */
            rejectedAt?: string;
            publishedBy?: string;
            /** Format: date-time */
            publishedAt?: string;
            comments: {
              by: string;
              /** Format: date-time */
              at: string;
              action: string;
              text: string;
            }[];
            testRun?: {
              checksum: string;
              passed: number;
              failed: number;
              /** @description prompts: cases that check the model's answer and were not checked; absent when none */
              skipped?: number;
              /** Format: date-time */
              at: string;
              by: string;
            };
            inForce: boolean;
            publications?: {
              version: number;
              /** Format: date-time */
              effectiveFrom: string;
              /** Format: date-time */
              effectiveTo?: string;
              publishedBy: string;
              /** Format: date-time */
              publishedAt: string;
              /** @enum {string} */
              kind: 'publish' | 'rollback';
              comment?: string;
            }[];
            /** @description rule sets: the version's latest shadow run, running or ended (its report: GET …/versions/{n}/shadow); absent when it never ran in shadow */
            shadow?: {
              percent: number;
              running: boolean;
              /** Format: date-time */
              startedAt: string;
              /** Format: date-time */
              stoppedAt?: string;
            };
            /** @description the version's content */
            content: {
              prompt: string;
              /** @description the first variant is the control */
              variants: {
                name: string;
                version: number;
                weight: number;
              }[];
              salt: string;
              /**
               * @description how subjects are assigned; absent (FNV-1a) on experiments created before SHA-256
               * @enum {string}
               */
              hash?: 'sha256' | 'fnv1a';
              coverage: number;
              /** @enum {string} */
              primaryMetric: 'positive_feedback_rate';
              /** @description maxErrorRate defaults to 0.05; breaching any threshold stops the experiment (docs/adr/0029) */
              guardrails?: {
                maxErrorRate?: number;
                /** @description default 20000; at most 10 minutes */
                maxP95LatencyMs?: number;
                /** @description highest mean cost of an answer, in the currency of pricePerMillionTokens (default 0.1) */
                maxCostPerAnswer?: number;
                /** @description the price of every variant's tokens; default: the list price of each variant's model in US dollars (Claude Sonnet's, 3 and 15, for a model of no known family); at most 10 000 each */
                pricePerMillionTokens?: {
                  input: number;
                  output: number;
                };
                /** @description people served per variant before any verdict, and answers per variant before a guardrail may stop the experiment (default 100) */
                minSamplePerVariant?: number;
              };
            };
          };
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the draft's revision as the analyst read it (the version's `revision`); when the draft was saved again since, the submission is refused with 409 draft_changed. The console always sends it. */
          revision?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it. */
          checksum?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /** @description the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it. */
          checksum?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          comment?: string;
          /**
           * Format: date-time
           * @description in force from this instant (default: now); a future instant schedules it
           */
          effectiveFrom?: string;
          /** Format: date-time */
          effectiveTo?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_unschedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description a reason in words, not only spaces */
          comment: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_rollback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          version: number;
          /** @description a reason in words, not only spaces */
          comment: string;
          /** @description the version in force as the caller saw it: refused (409 concurrent_publication) if another is in force now, so a rollback decided on a page read before a publication does not undo it */
          from?: number;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentView'];
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExperimentsController_diff: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            from: number;
            to: number;
            changes: {
              /** @description JSON Pointer of the field */
              path: string;
              /** @description absent when the field was added */
              before?: unknown;
              /** @description absent when the field was removed */
              after?: unknown;
            }[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PromptServingController_served: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            experiment: string;
            variant: string;
            version: number;
            /** @description the first variant, the one the others are compared with */
            control: boolean;
            /** @description stopped automatically: this version now serves everyone */
            fallback: boolean;
          }[];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CompletionController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          variables: {
            [key: string]: components['schemas']['JsonValue'];
          };
          /** @description who asks (stored pseudonymised); keeps experiment variants sticky */
          subjectId: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            prompt: string;
            version: number;
            experiment?: string;
            variant?: string;
            text: string;
            /** @description why the model stopped, as the provider says: end_turn (its answer is whole), max_tokens (cut at the prompt's maximum), stop_sequence, refusal (declined: the text may be empty); null when it said nothing */
            stopReason: string | null;
            usage: {
              inputTokens: number;
              outputTokens: number;
            };
            /** @description what feedback on this answer names */
            completionId: string;
            /** @description false when the answer could not be recorded (the database did not answer): it counts in no experiment, and feedback naming it is refused */
            logged: boolean;
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such resource. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request conflicts with the resource’s current state. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is larger than the configured limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A path segment of the URL holds more than 4 096 characters. */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The language model provider is rate limiting requests; Retry-After says when to try again. */
      429: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The language model provider refused the request built from the prompt (`llm_rejected`): sending it again will not help; the prompt’s model, maximum tokens or the length of its variables must change. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CatalogueController_search: {
    parameters: {
      query: {
        q: string;
        limit?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            results: {
              name: string;
              title: string;
              organization: string;
              formats: string[];
              /** @description in words: CC BY 4.0, CC BY-NC-SA 4.0… */
              licence: string;
              /** Format: uri */
              url: string;
              score: number;
            }[];
            services: ('urgence' | 'sante' | 'route' | 'feux' | 'pannes')[];
          };
        };
      };
      /** @description The request is invalid; `details` names each offending path. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok' | 'degraded' | 'draining';
            /** @enum {string} */
            db: 'up' | 'down';
          };
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  HealthController_metricsText: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format 0.0.4. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description No valid credentials (a bearer token or an X-API-Key); `WWW-Authenticate: Bearer` says so. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The credentials do not allow this operation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A dependency is unavailable or busy: the database, the language model, the worker that compiles large JSON Schemas, or an experiment’s log being reorganised by another instance. Retry-After says when to try again; it is absent when only a change of configuration helps (`llm_not_configured`, `llm_misconfigured`). */
      503: {
        headers: {
          /** @description seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
