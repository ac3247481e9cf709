import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A documented procedure: a stable key; its content lives in its versions. */
@Entity({ name: 'procedure' })
export class Procedure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
