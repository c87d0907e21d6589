/**
 * vmxlint:recommended over every file of ../shared/corpus (real .vmx files from public
 * repositories), restricted to the hygiene rules of issue 5 (the nested rules have their own
 * expectations). What fires is listed explicitly below, so any change shows as a diff.
 *
 * The corpus holds files VMware products wrote (they power on) and test inputs of other tools
 * (libvirt's vmx2xmldata, virt-v2v, virt-manager, govmx, ManageIQ), many of them snippets.
 * Neither kind gets an error from these rules. Warnings, each one a maintainer would agree with:
 * - govmx fixture a.vmx line 23 `rtc.diffFromUTC = 0`: an unquoted value (govmx's own writer,
 *   not VMware's, produced it).
 * Information only (never a warning):
 * - `boolean-values` (wrongCase): `"true"` / `"False"` etc. Every reader takes them; ESX 3
 *   wrote lower case itself (libvirt esx-in-the-wild-2), libvirt's tests write it throughout.
 * - `encoding-declared` (missingAscii): ASCII files without `.encoding`: libvirt snippets, and
 *   products that predate `.encoding` (ESX 3, GSX: esx/gsx-in-the-wild, ManageIQ, virt-manager).
 */
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {lintBytes} from '../src/engine/linter.js';
import {HYGIENE_RULE_IDS} from './hygiene/rules.js';

const dir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const present = fs.existsSync(dir);
const corpus = present ? describe : describe.skip;
const hygiene = new Set<string>(HYGIENE_RULE_IDS);

/** Shorter names for the 107 libvirt test inputs. */
const short = (file: string) => file.replace(/^libvirt__libvirt__tests__vmx2xmldata__/, 'libvirt/');

/** Warnings and errors: file → sorted `ruleId:line`. Files not listed have none. */
const PROBLEMS: Record<string, string[]> = {
  'hooklift__govmx__fixtures__a.vmx': ['quoted-values:23'],
};

/** Information: file → sorted `ruleId×count`. Files not listed have none. */
const INFO: Record<string, string[]> = {
  'ManageIQ__manageiq-smartstate__test__extract__data__test_vmware_config.vmx': ['encoding-declared×1'],
  'hooklift__govmx__fixtures__b.vmx': ['boolean-values×8'],
  'libguestfs__virt-v2v__tests__test-i-vmx-5.vmx': ['boolean-values×2'],
  'libvirt/annotation.vmx': ['encoding-declared×1'],
  'libvirt/case-insensitive-1.vmx': ['encoding-declared×1'],
  'libvirt/case-insensitive-2.vmx': ['boolean-values×14', 'encoding-declared×1'],
  'libvirt/cdrom-ide-device.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/cdrom-ide-empty-2.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/cdrom-ide-file-missing-datastore.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/cdrom-ide-file-missing-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/cdrom-ide-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/cdrom-scsi-file.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/cdrom-scsi-passthru.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/cdrom-scsi-raw-device.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/datacenterpath.vmx': ['encoding-declared×1'],
  'libvirt/esx-in-the-wild-14.vmx': ['boolean-values×19'],
  'libvirt/esx-in-the-wild-2.vmx': ['boolean-values×21', 'encoding-declared×1'],
  'libvirt/ethernet-bridged.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/ethernet-nat.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/ethernet-null.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/ethernet-other.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/ethernet-vds-no-params.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/ethernet-vds-no-portid.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/ethernet-vds.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/ethernet-vpx.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/gsx-in-the-wild-3.vmx': ['encoding-declared×1'],
  'libvirt/gsx-in-the-wild-4.vmx': ['encoding-declared×1'],
  'libvirt/harddisk-scsi-file-missing-file.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/harddisk-transient.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/parallel-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/scsi-driver-max.vmx': ['boolean-values×16', 'encoding-declared×1'],
  'libvirt/scsi-driver-superwide-max.vmx': ['boolean-values×65', 'encoding-declared×1'],
  'libvirt/scsi-driver.vmx': ['boolean-values×8', 'encoding-declared×1'],
  'libvirt/scsi-writethrough.vmx': ['boolean-values×3', 'encoding-declared×1'],
  'libvirt/serial-device.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/serial-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/serial-network-server.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/serial-pipe-client-app.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/serial-pipe-client-vm.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/serial-pipe-server-vm.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/svga.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-annotation.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-case-insensitive-1.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-ide-device.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-ide-empty-2.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-ide-empty.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-ide-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-ide-raw-auto-detect.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-ide-raw-device.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-scsi-device.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-scsi-empty.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-scsi-file.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-scsi-passthru.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-scsi-raw-auto-detect.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-cdrom-scsi-raw-device.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-datacenterpath.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-esx-in-the-wild-1.vmx': ['boolean-values×12', 'encoding-declared×1'],
  'libvirt/vmx2xml-esx-in-the-wild-3.vmx': ['boolean-values×14', 'encoding-declared×1'],
  'libvirt/vmx2xml-esx-in-the-wild-4.vmx': ['boolean-values×17', 'encoding-declared×1'],
  'libvirt/vmx2xml-esx-in-the-wild-5.vmx': ['boolean-values×13'],
  'libvirt/vmx2xml-esx-in-the-wild-8.vmx': ['boolean-values×2'],
  'libvirt/vmx2xml-ethernet-bridged.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-custom.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-e1000.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-generated.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-nat.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-other.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-vmxnet2.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-ethernet-vpx.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-firmware-efi.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-floppy-device.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-floppy-file.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-graphics-vnc.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-gsx-in-the-wild-1.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-gsx-in-the-wild-2.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-harddisk-ide-file-missing-datastore.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-harddisk-ide-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-harddisk-scsi-file.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-harddisk-transient.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-minimal-64bit.vmx': ['encoding-declared×1'],
  'libvirt/vmx2xml-parallel-device.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-parallel-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-scsi-buslogic.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-scsi-driver.vmx': ['boolean-values×8', 'encoding-declared×1'],
  'libvirt/vmx2xml-scsi-writethrough.vmx': ['boolean-values×3', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-device.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-file.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-network-client.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-network-server.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-pipe-client-app.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-pipe-client-vm.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-pipe-server-app.vmx': ['boolean-values×2', 'encoding-declared×1'],
  'libvirt/vmx2xml-serial-pipe-server-vm.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-sharedfolder.vmx': ['boolean-values×4', 'encoding-declared×1'],
  'libvirt/vmx2xml-smbios.vmx': ['boolean-values×1', 'encoding-declared×1'],
  'libvirt/vmx2xml-svga.vmx': ['encoding-declared×1'],
  'virt-manager__virt-manager__tests__virtconv-files__vmx_input__test-nodisks.vmx': ['encoding-declared×1'],
  'virt-manager__virt-manager__tests__virtconv-files__vmx_input__test1.vmx': ['encoding-declared×1'],
  'virt-manager__virt-manager__tests__virtconv-files__vmx_output__virtimage2vmx_test1.vmx': ['encoding-declared×1'],
};

corpus(`hygiene rules on ../shared/corpus${present ? '' : ' (skipped: ../shared/corpus not found)'}`, () => {
  const files = present ? fs.readdirSync(dir).filter((f) => f.endsWith('.vmx')).sort() : [];
  const seen = {problems: {} as Record<string, string[]>, info: {} as Record<string, string[]>};
  for (const file of files) {
    const {result} = lintBytes(fs.readFileSync(`${dir}${file}`), {filePath: file});
    const mine = result.messages.filter((m) => m.ruleId !== null && hygiene.has(m.ruleId));
    const problems = mine.filter((m) => m.severity > 0).map((m) => `${m.ruleId}:${m.line}`);
    const counts = new Map<string, number>();
    for (const m of mine.filter((m) => m.severity === 0)) counts.set(m.ruleId!, (counts.get(m.ruleId!) ?? 0) + 1);
    if (problems.length) seen.problems[short(file)] = problems.sort();
    if (counts.size) seen.info[short(file)] = [...counts].map(([id, n]) => `${id}×${n}`).sort();
    if (result.fatalErrorCount) seen.problems[short(file)] = [...(seen.problems[short(file)] ?? []), 'fatal'];
  }

  it('reads the whole corpus', () => {
    expect(files.length).toBeGreaterThan(130);
  });

  it('warnings and errors are exactly the expected ones', () => {
    expect(seen.problems).toEqual(PROBLEMS);
  });

  it('information messages are exactly the expected ones', () => {
    expect(seen.info).toEqual(INFO);
  });
});
