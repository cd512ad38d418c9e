import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PERMISSION_KEY } from '../src/common/access/permission.decorator.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('every route declares its permission', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('permissions');
  });
  afterAll(() => t.close());

  it('finds no controller route without a permission decorator', () => {
    const scanner = new MetadataScanner();
    const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    const routes: { route: string; declared: boolean }[] = [];
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const declared =
          Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, instance.constructor);
        routes.push({ route: `${method} ${wrapper.name}.${name}`, declared: declared !== undefined });
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(routes.filter((r) => !r.declared).map((r) => r.route)).toEqual([]);
  });
});
