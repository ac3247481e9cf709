/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set. */
import { Spine1795957959384 } from './1795957959384-Spine.js';

export const MIGRATIONS = [Spine1795957959384];
