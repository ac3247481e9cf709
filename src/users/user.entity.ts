import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../common/roles.js';
import type { UserLanguage } from '../common/languages.js';

@Entity({ name: 'app_user' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'boolean' })
  active: boolean;

  /** The password was set by an administrator (or generated at first start): it must be changed at the next sign-in. */
  @Column({ name: 'must_change_password', type: 'boolean' })
  mustChangePassword: boolean;

  /** Tokens carry the generation they were issued at; moving it on ends every token of the user. */
  @Column({ name: 'token_generation', type: 'integer' })
  tokenGeneration: number;

  /** The console language the user chose (en, sv, nb); null until they choose. */
  @Column({ type: 'text', nullable: true })
  language: UserLanguage | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
