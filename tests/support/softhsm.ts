import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's SoftHSM2 PKCS#11 module. */
export const softhsmModule = '/usr/lib/softhsm/libsofthsm2.so';

export interface SoftHsmKey {
  /** CKA_ID of the key pair and its certificate, hex. */
  id: string;
  label: string;
  keyFile: string;
  certFile: string;
}

export interface SoftHsmToken {
  dir: string;
  /** Point SOFTHSM2_CONF here (process.env or a child's env) before loading the module. */
  conf: string;
  tokenDir: string;
  label: string;
  pin: string;
  soPin: string;
  caCertFile: string;
  rsa: SoftHsmKey;
  ec: SoftHsmKey;
  /** Environment for child processes (CLI) using this token. */
  env: Record<string, string>;
  remove(): void;
}

function run(command: string, args: string[], env: Record<string, string>): void {
  execFileSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface SoftHsmOptions {
  label?: string;
  pin?: string;
  /** Subject of the RSA signer (UTF-8, openssl -subj form). */
  rsaSubject?: string;
  ecSubject?: string;
}

/**
 * A real SoftHSM2 token in a temporary folder: its own SOFTHSM2_CONF and token directory, a small
 * CA made with openssl, an RSA-2048 and an ECDSA P-256 key pair with certificates issued by that CA
 * (keyUsage digitalSignature + nonRepudiation), imported with softhsm2-util and pkcs11-tool.
 */
export function createSoftHsmToken(options: SoftHsmOptions = {}): SoftHsmToken {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-softhsm-'));
  const tokenDir = path.join(dir, 'tokens');
  fs.mkdirSync(tokenDir);
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n`);
  const env = { SOFTHSM2_CONF: conf };
  const label = options.label ?? 'motcua-test';
  const pin = options.pin ?? '123456';
  const soPin = '12345678';
  const f = (name: string) => path.join(dir, name);

  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin], env);

  // The CA: self-signed, EC for speed.
  run('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('ca.key')], env);
  run('openssl', ['req', '-new', '-x509', '-utf8', '-key', f('ca.key'), '-out', f('ca.pem'), '-days', '3650', '-subj', '/C=VN/O=Motcua Test CA/CN=Motcua Test Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], env);
  fs.writeFileSync(f('leaf.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');

  const issue = (name: string, id: string, keyArgs: string[], subject: string): SoftHsmKey => {
    const keyFile = f(`${name}.key`);
    run('openssl', ['genpkey', ...keyArgs, '-out', keyFile], env);
    run('openssl', ['req', '-new', '-utf8', '-key', keyFile, '-out', f(`${name}.csr`), '-subj', subject], env);
    run('openssl', ['x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-days', '730', '-extfile', f('leaf.ext'), '-out', f(`${name}.pem`)], env);
    run('openssl', ['x509', '-in', f(`${name}.pem`), '-outform', 'DER', '-out', f(`${name}.der`)], env);
    run('softhsm2-util', ['--import', keyFile, '--token', label, '--label', name, '--id', id, '--pin', pin], env);
    run('pkcs11-tool', ['--module', softhsmModule, '--token-label', label, '--login', '--pin', pin, '--write-object', f(`${name}.der`), '--type', 'cert', '--id', id, '--label', name], env);
    return { id, label: name, keyFile, certFile: f(`${name}.pem`) };
  };
  const rsa = issue('rsa', '01', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], options.rsaSubject ?? '/C=VN/O=UBND xã Tân Phú/CN=Nguyễn Văn An');
  const ec = issue('ec', '02', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], options.ecSubject ?? '/C=VN/O=UBND xã Tân Phú/CN=Trần Thị Bình');

  // The CA certificate on the token too, as the CAs ship it: the signer's chain comes from there.
  run('openssl', ['x509', '-in', f('ca.pem'), '-outform', 'DER', '-out', f('ca.der')], env);
  run('pkcs11-tool', ['--module', softhsmModule, '--token-label', label, '--login', '--pin', pin, '--write-object', f('ca.der'), '--type', 'cert', '--id', 'c0', '--label', 'ca'], env);

  return {
    dir,
    conf,
    tokenDir,
    label,
    pin,
    soPin,
    caCertFile: f('ca.pem'),
    rsa,
    ec,
    env,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
