/** The route table as Nest registered it, with each handler's declared access policy. */
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { POLICY_KEY } from '../../src/auth/policy.js';
import type { AccessPolicy } from '../../src/auth/policy.js';

export interface RouteEntry {
  method: string;
  /** Express form: `/api/users/:id`. */
  path: string;
  controller: string;
  handler: string;
  policy: AccessPolicy | undefined;
}

/** The policy the guard would apply: the handler's, else its class's. */
export function policyOf(controller: object, handler: object): AccessPolicy | undefined {
  return (Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, controller)) as AccessPolicy | undefined;
}

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter((s) => s !== '')
    .join('/');
  return '/' + joined;
}

/** Every handler of every controller in the application. */
export function nestRoutes(app: INestApplication): RouteEntry[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const out: RouteEntry[] = [];
  const seen = new Set<object>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as { name: string; prototype: Record<string, object> } | null | undefined;
    if (!controller || seen.has(controller)) continue;
    seen.add(controller);
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = controller.prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      for (const p of Array.isArray(path) ? path : [path]) {
        out.push({ method, path: joinPath(base, p), controller: controller.name, handler: name, policy: policyOf(controller, handler) });
      }
    }
  }
  return out;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Routes the Express router holds that answer one method (middleware mounted on every path and
 * method, such as the request logger, is left out).
 */
export function expressRoutes(app: INestApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((l) => l.route && Object.keys(l.route.methods).length === 1)
    .map((l) => ({ method: Object.keys(l.route!.methods)[0].toUpperCase(), path: l.route!.path }));
}
