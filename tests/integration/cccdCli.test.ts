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
