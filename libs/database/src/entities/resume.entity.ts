import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker's current resume (PDF); the bytes live in file storage under `storageKey`. */
@Entity({ name: 'resumes' })
export class ResumeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'seeker_id', type: 'uuid' }) seekerId: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
}
