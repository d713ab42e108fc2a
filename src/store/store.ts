// The briefings store: one database, its repositories.
import { DeliveryLedger } from './ledger';
import { openDatabase, type Db } from './open';
import { ScheduleRepo } from './schedules';

export interface Store {
  db: Db;
  schedules: ScheduleRepo;
  ledger: DeliveryLedger;
  close(): void;
}

export function storeOn(db: Db): Store {
  return {
    db,
    schedules: new ScheduleRepo(db),
    ledger: new DeliveryLedger(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}

export function openStore(file: string): Store {
  return storeOn(openDatabase(file));
}
