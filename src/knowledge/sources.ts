/**
 * Where each nested-virtualization fact comes from: title + URL, cited by id from the host rows
 * (hosts-legacy.ts, hosts-modern.ts) and the facts in hosts.ts. `--list-hosts -f json` prints them
 * and docs/nested.md lists them (a test checks both). Collected in
 * ../shared/nested-knowledge-review.md (December 2026), which quotes each one.
 */

export interface Source {
  title: string;
  url: string;
}

const s = (title: string, url: string): Source => Object.freeze({title, url});

export const SOURCES = Object.freeze({
  nested2009: s(
    'VMware Communities, "Running Nested VMs", VERSION 5 (Oct 2009) and VERSION 8 (Dec 2009), DOC-8970',
    'https://communities.vmware.com/docs/DOC-8970',
  ),
  nestedModern: s(
    'VMware Communities, "Running Nested VMs" (current revision: virtualized HV, Workstation 8+/ESXi 5.0+)',
    'https://communities.vmware.com/t5/Nested-Virtualization-Documents/Running-Nested-VMs/tac-p/2781525',
  ),
  kb2009916: s(
    'VMware KB 2009916, "Support for running ESXi/ESX as a nested virtualization solution"',
    'https://kb.vmware.com/selfservice/microsites/search.do?language=en_US&cmd=displayKC&externalId=2009916',
  ),
  kb1003746: s('VMware KB 1003746, "Virtual machine hardware versions"', 'https://kb.vmware.com/s/article/1003746'),
  kb1003746copy: s(
    'Copy of KB 1003746 (2013), "Virtual machine hardware versions"',
    'https://virtualization24x7.blogspot.com/2013/03/virtual-machine-hardware-versions.html',
  ),
  perfBestPractices40: s(
    'VMware, "Performance Best Practices for VMware vSphere 4.0" (hardware-assisted MMU: AMD from ESX 3.5 Update 1)',
    'https://www.vmware.com/pdf/Perf_Best_Practices_vSphere4.0.pdf',
  ),
  vhvHw9: s(
    'vmware/pyvmomi issue #629: nested HV needs virtual hardware version 9 or higher',
    'https://github.com/vmware/pyvmomi/issues/629',
  ),
  vhvHw8Greyed: s(
    'DemitasseNZ/vSphereAutoLab issue #31: "Expose hardware assisted virtualization" greyed out on hardware version 8',
    'https://github.com/DemitasseNZ/vSphereAutoLab/issues/31',
  ),
  esxi51Ept: s(
    'William Lam, nested ESXi on vSphere 5.1 (copy): VT-x/AMD-V for 32-bit nested guests, EPT/RVI for 64-bit',
    'https://blog.csdn.net/weixin_34364071/article/details/92749669',
  ),
  gns3Ept: s(
    'GNS3/gns3-server issue #1538: nested VMs need EPT on ESXi 6.x / Workstation 12+',
    'https://github.com/GNS3/gns3-server/issues/1538',
  ),
  packerEpt: s(
    'hashicorp/packer issue #9242: Workstation inside a VM stops with "This host does not support Intel EPT"',
    'https://github.com/hashicorp/packer/issues/9242',
  ),
  hostVbsMode: s(
    'VMware Workstation Player for Windows 17 documentation, Host VBS mode limitations (no nested VMs, no PMC)',
    'https://docs.vmware.com/jp/VMware-Workstation-Player-for-Windows/17.0/com.vmware.player.win.using.doc/GUID-778DD0ED-6FC9-415F-B071-0CEC127BE719.html',
  ),
  hostVbsResume: s(
    'VMware Workstation Pro 17 documentation, resuming VMs in Host VBS mode',
    'https://docs.vmware.com/en/VMware-Workstation-Pro/17/com.vmware.ws.using.doc/GUID-FF4870F3-8166-4EB4-842B-6F94DBA70758.html',
  ),
  gns3HyperV: s(
    'GNS3/gns3-server issue #2164: "Virtualized Intel VT-x/EPT is not supported on this platform" with Hyper-V on',
    'https://github.com/GNS3/gns3-server/issues/2164',
  ),
  wslNested: s(
    'microsoft/WSL issue #6849: disable nested virtualization in VMware when the Windows Hypervisor Platform is on',
    'https://github.com/microsoft/WSL/issues/6849',
  ),
  fusionAppleSilicon: s(
    'VMware Fusion blog, "Fusion on Apple Silicon: Progress Update" (Apr 2021): Arm VMs only, no x86 VMs',
    'https://blogs.vmware.com/teamfusion/2021/04/fusion-on-apple-silicon-progress-update.html',
  ),
  fusion136Hw21: s(
    'vmware/packer-plugin-vmware issue #260: a Fusion 13.6 VM with virtualHW.version 21',
    'https://github.com/vmware/packer-plugin-vmware/issues/260',
  ),
  antiDetection: s(
    'MichelBaie/creeper.fr, "ESXi: hide virtualisation" (anti-VM-detection .vmx keys, monitor_control.restrict_backdoor among them)',
    'https://github.com/MichelBaie/creeper.fr/blob/main/_posts/2022-05-29-ESXi-Hide-Virtualisation.md',
  ),
  vbsVsphere67: s(
    'VMware vSphere blog, "Introducing support for Virtualization Based Security and Credential Guard in vSphere 6.7"',
    'https://blogs.vmware.com/vsphere/2018/05/introducing-support-virtualization-based-security-credential-guard-vsphere-6-7.html',
  ),
  guestOsTables: s(
    'open-vm-tools, lib/include/guest_os_tables.h (GUEST_OS_KEY_MAP, commit 1634dfb, May 2026)',
    'https://github.com/vmware/open-vm-tools/blob/master/open-vm-tools/lib/include/guest_os_tables.h',
  ),
  passthroughKb: s(
    'Broadcom KB 437651, "Unable to Enable \'Expose hardware assisted virtualization to the guest OS\' on a VM with vGPU or PCI Passthrough Device"',
    'https://knowledge.broadcom.com/external/article/437651',
  ),
  cpuMmuDeprecated: s(
    'vSphere Virtual Machine Administration 6.7, "Change CPU/MMU Virtualization Settings" (deprecated in ESXi 6.7)',
    'https://docs.vmware.com/en/VMware-vSphere/6.7/com.vmware.vsphere.vm_admin.doc/GUID-5F5AC645-4321-4911-B9F3-6A8B1658A430.html',
  ),
  esxiHw60: s(
    'vSphere 6.0 Installation and Setup, "ESXi Hardware Requirements" (two CPU cores, 4 GB RAM)',
    'http://pubs.vmware.com/vsphere-60/topic/com.vmware.vsphere.install.doc/GUID-DEB8086A-306B-4239-BF76-E354679202FC.html',
  ),
  esxiHw65: s(
    'vSphere 6.5 Installation and Setup, "ESXi Hardware Requirements" (two CPU cores, 4 GB RAM)',
    'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.install.doc/GUID-DEB8086A-306B-4239-BF76-E354679202FC.html',
  ),
  esxiHw70: s(
    'VMware ESXi 7.0 Installation and Setup, "ESXi Hardware Requirements" (two CPU cores, 8 GB RAM)',
    'https://docs.vmware.com/en/VMware-vSphere/7.0/com.vmware.esxi.install.doc/GUID-DEB8086A-306B-4239-BF76-E354679202FC.html',
  ),
  esxiHw80: s(
    'VMware ESXi 8.0 Installation (Chinese edition), "ESXi Hardware Requirements" (two CPU cores, 8 GB RAM)',
    'https://docs.vmware.com/cn/VMware-vSphere/8.0/vsphere-esxi-installation/GUID-DEB8086A-306B-4239-BF76-E354679202FC.html',
  ),
} satisfies Record<string, Source>);

export type SourceId = keyof typeof SOURCES;

/** The sources of a list of ids, in order (for printing). */
export function sourcesOf(ids: readonly SourceId[]): Source[] {
  return ids.map((id) => SOURCES[id]);
}
