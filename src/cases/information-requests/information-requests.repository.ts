import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  changedRowsOf,
  insertedRowOf,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../../common/sql-rows';
import { PARTIES, Party } from '../dto/information-request.dto';

export interface RequestRow {
  readonly id: string;
  readonly party: Party;
  readonly question: string;
  readonly askedAt: Date;
  readonly dueAt: Date;
  readonly answeredAt: Date | null;
  readonly answer: string | null;
}

export interface NewRequest {
  readonly caseId: string;
  readonly party: Party;
  readonly question: string;
  readonly askedBy: string;
  readonly askedAt: Date;
  readonly dueAt: Date;
}

export interface Answer {
  readonly caseId: string;
  readonly party: Party;
  readonly text: string;
  readonly by: string;
  /** The request answered; without it, the party's oldest open one. */
  readonly requestId: string | null;
}

const COLUMNS = 'id, party, question, asked_at, due_at, answered_at, answer';

function requestOf(row: RawRow): RequestRow {
  return {
    id: text(row, 'id'),
    party: oneOf(row, 'party', PARTIES),
    question: text(row, 'question'),
    askedAt: timestamp(row, 'asked_at'),
    dueAt: timestamp(row, 'due_at'),
    answeredAt: timestampOrNull(row, 'answered_at'),
    answer: textOrNull(row, 'answer'),
  };
}

/** Questions to a party and their answers (table information_request). */
@Injectable()
export class InformationRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, request: NewRequest): Promise<RequestRow> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO information_request (case_id, party, question, asked_by, asked_at, due_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [
          request.caseId,
          request.party,
          request.question,
          request.askedBy,
          request.askedAt,
          request.dueAt,
        ],
      ),
      requestOf,
    );
  }

  /** Answers one open request (ix_information_request_open); its id, or null when none was open. */
  async answer(manager: EntityManager, answer: Answer): Promise<string | null> {
    const [answered] = changedRowsOf(
      await manager.query(
        `UPDATE information_request SET answered_at = now(), answer = $3, answered_by = $4
          WHERE id = (SELECT id FROM information_request
                       WHERE case_id = $1 AND party = $2 AND answered_at IS NULL AND ($5::uuid IS NULL OR id = $5)
                       ORDER BY asked_at LIMIT 1 FOR UPDATE)
          RETURNING id`,
        [answer.caseId, answer.party, answer.text, answer.by, answer.requestId],
      ),
      (row) => text(row, 'id'),
    );
    return answered ?? null;
  }

  async list(caseId: string, party: Party | null): Promise<RequestRow[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM information_request
          WHERE case_id = $1 AND ($2::text IS NULL OR party = $2) ORDER BY asked_at`,
        [caseId, party],
      ),
      requestOf,
    );
  }
}
