import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { motcua } from '../support/cli';

describe('motcua cccd parse (shared/CLI.md)', () => {
  it('prints exactly the documented JSON shape', () => {
    const run = motcua(['--json', 'cccd', 'parse', '079195003456||Trần Thị Bích Ngọc|02111995|Nữ|Ấp 3, Xã Tân Phú, Huyện Châu Thành, Tiền Giang|\r\n']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      idNumber: '079195003456',
      oldIdNumber: null,
      fullName: 'Trần Thị Bích Ngọc',
      dateOfBirth: '1995-11-02',
      sex: 'female',
      address: 'Ấp 3, Xã Tân Phú, Huyện Châu Thành, Tiền Giang',
      issueDate: null,
    });
  });

  it('exits 2 naming the field on bad input', () => {
    const run = motcua(['--json', '--lang', 'en', 'cccd', 'parse', '003090012345|012345678|Nguyễn Văn An|15031990|Nam||10072021']);
    expect(run.status).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string; details: { field: string } } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.field).toBe('idNumber');
    expect(error.message).toMatch(/ID number/);
    expect(run.stderr).toMatch(/^error\[VALIDATION_FAILED\]: ID number .*\| Số định danh/);
  });
});

describe('motcua settings set --hid-readers', () => {
  it('stores the allowed HID POS readers, and refuses a malformed pair naming the option', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-hid-'));
    try {
      const ok = motcua(['--data-dir', dataDir, '--json', 'settings', 'set', '--hid-readers', '0c2e:0b8f,05E0:1200']);
      expect(ok.status).toBe(0);
      expect((JSON.parse(ok.stdout) as { hidReaders: unknown }).hidReaders).toEqual([
        { vendorId: 0x0c2e, productId: 0x0b8f },
        { vendorId: 0x05e0, productId: 0x1200 },
      ]);
      const bad = motcua(['--data-dir', dataDir, 'settings', 'set', '--hid-readers', '0c2e']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--hid-readers/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
