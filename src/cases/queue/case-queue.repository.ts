import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  integer,
  oneOf,
  oneOfOrNull,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
} from '../../common/sql-rows';
import { CASE_OUTCOMES, CASE_STATUSES } from '../case-lifecycle';
import { QueueRow, SqlQuery } from './case-queue.sql';

function queueRowOf(row: RawRow): QueueRow {
  return {
    id: text(row, 'id'),
    reference: text(row, 'reference'),
    status: oneOf(row, 'status', CASE_STATUSES),
    outcome: oneOfOrNull(row, 'outcome', CASE_OUTCOMES),
    category: text(row, 'category'),
    language: text(row, 'language'),
    subject: text(row, 'subject'),
    customer_name: text(row, 'customer_name'),
    assigned_officer_id: textOrNull(row, 'assigned_officer_id'),
    assigned_officer_name: textOrNull(row, 'assigned_officer_name'),
    created_at: timestamp(row, 'created_at'),
    updated_at: timestamp(row, 'updated_at'),
    version: integer(row, 'version'),
    cursor_at: text(row, 'cursor_at'),
    phase: integer(row, 'phase'),
  };
}

/** Runs the queue's SELECTs (written in case-queue.sql.ts) and checks each row. */
@Injectable()
export class CaseQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rows(sql: SqlQuery): Promise<QueueRow[]> {
    return rowsOf(await this.dataSource.query(sql.text, sql.values), queueRowOf);
  }
}
