import { ContractError } from '../../contract/errors';
import type { CertificateInfo } from '../../../native/token/types';

function ddmmyyyy(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/**
 * Checks made before the PIN is asked for: a certificate out of its validity period, or whose key
 * usage does not allow signatures, would give a signature no one accepts — stop and say why.
 */
export function checkCertificate(cert: CertificateInfo, now: Date): void {
  const who = cert.commonName ?? cert.subject;
  if (now.getTime() > new Date(cert.notAfter).getTime()) {
    throw new ContractError({
      code: 'CERT_EXPIRED',
      message_vi: `Chứng thư số của "${who}" đã hết hạn ngày ${ddmmyyyy(cert.notAfter)}. Không thể ký. Hãy liên hệ tổ chức cung cấp chữ ký số (${cert.issuerName ?? 'CA'}) để gia hạn.`,
      message_en: `The certificate of "${who}" expired on ${cert.notAfter.slice(0, 10)}. Signing stopped. Ask the CA (${cert.issuerName ?? 'CA'}) to renew it.`,
      details: { field: 'certificate', notAfter: cert.notAfter, certId: cert.id },
    });
  }
  if (now.getTime() < new Date(cert.notBefore).getTime()) {
    throw new ContractError({
      code: 'CERT_NOT_YET_VALID',
      message_vi: `Chứng thư số của "${who}" chưa có hiệu lực (từ ngày ${ddmmyyyy(cert.notBefore)}). Không thể ký. Hãy kiểm tra ngày giờ của máy.`,
      message_en: `The certificate of "${who}" is not valid before ${cert.notBefore.slice(0, 10)}. Signing stopped. Check the computer's date and time.`,
      details: { field: 'certificate', notBefore: cert.notBefore, certId: cert.id },
    });
  }
  if (cert.keyUsage !== null && !cert.keyUsage.includes('digitalSignature') && !cert.keyUsage.includes('nonRepudiation')) {
    throw new ContractError({
      code: 'CERT_KEY_USAGE',
      message_vi: `Chứng thư số của "${who}" không được phép dùng để ký số (mục đích sử dụng: ${cert.keyUsage.join(', ') || 'không có'}). Hãy chọn chứng thư số khác.`,
      message_en: `The certificate of "${who}" does not allow signing (key usage: ${cert.keyUsage.join(', ') || 'none'}); digitalSignature or nonRepudiation expected. Choose another certificate.`,
      details: { field: 'certificate', keyUsage: cert.keyUsage, certId: cert.id },
    });
  }
}
