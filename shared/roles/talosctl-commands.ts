/** A talosctl command and the Talos API methods it calls (talosctl 1.14, cmd/talosctl/cmd/talos/*.go). */
export interface TalosctlCommand {
  /** The command as typed after `talosctl`, subcommands included: `etcd snapshot`. */
  readonly command: string;
  readonly aliases?: readonly string[];
  /** Methods the command must be allowed to call, full `/package.Service/Method` names. */
  readonly methods: readonly string[];
  /**
   * Why the command needs os:admin whatever its methods allow: it reads a sensitive resource (machine
   * configuration, secrets), which Talos serves to os:admin only (TALOS.md "Roles", outside the table).
   */
  readonly adminOnly?: string;
  /** What else a user should know: flags that call more, fallbacks for older Talos. */
  readonly note?: string;
}

const M = '/machine.MachineService/';
const COSI = '/cosi.resource.State/';
const IMAGE = '/machine.ImageService/';
const LVM = '/machine.LVMService/';

/** Commands that follow the action with `--wait` (the default): a version check, then the event stream. */
const tracked = [`${M}Version`, `${M}Events`];
const trackedNote =
  '--wait (the default) also reads the boot ID with the admin-only Read; talosctl skips that check when refused';
const readsMachineConfig = 'reads the machine configuration, a sensitive resource only os:admin may read';

export const talosctlCommands: readonly TalosctlCommand[] = [
  { command: 'reboot', methods: [`${M}Reboot`, ...tracked], note: trackedNote },
  { command: 'shutdown', methods: [`${M}Shutdown`, ...tracked], note: trackedNote },
  { command: 'reset', methods: [`${M}Reset`, ...tracked], note: trackedNote },
  {
    command: 'upgrade',
    methods: ['/machine.LifecycleService/Upgrade', `${IMAGE}Pull`, `${M}Reboot`, ...tracked],
    note: 'Talos before 1.13 (or --legacy): MachineService/Upgrade; --drain also talks to Kubernetes',
  },
  { command: 'rollback', methods: [`${M}Rollback`] },
  { command: 'apply-config', aliases: ['apply'], methods: [`${M}ApplyConfiguration`] },
  {
    command: 'edit machineconfig',
    aliases: ['edit', 'edit mc', 'edit machineconfigs'],
    methods: [`${COSI}Get`, `${M}ApplyConfiguration`],
    adminOnly: readsMachineConfig,
  },
  {
    command: 'patch machineconfig',
    aliases: ['patch', 'patch mc', 'patch machineconfigs'],
    methods: [`${COSI}Get`, `${M}ApplyConfiguration`],
    adminOnly: readsMachineConfig,
  },
  {
    command: 'upgrade-k8s',
    methods: [`${M}Kubeconfig`, `${COSI}Get`, `${COSI}List`, `${COSI}Watch`, `${M}ApplyConfiguration`],
    adminOnly: `${readsMachineConfig}, and it needs an admin kubeconfig`,
  },
  { command: 'logs', methods: [`${M}Logs`] },
  { command: 'dmesg', methods: [`${M}Dmesg`] },
  { command: 'services', aliases: ['service'], methods: [`${M}ServiceList`] },
  // `talosctl service ID start|stop|restart`: lookupCommand drops the service ID.
  { command: 'service start', methods: [`${M}ServiceStart`] },
  { command: 'service stop', methods: [`${M}ServiceStop`] },
  { command: 'service restart', methods: [`${M}ServiceRestart`] },
  { command: 'restart', methods: [`${M}Restart`] },
  { command: 'containers', methods: [`${M}Containers`] },
  { command: 'stats', methods: [`${M}Stats`] },
  { command: 'processes', aliases: ['ps'], methods: [`${M}Processes`] },
  { command: 'memory', methods: [`${M}Memory`] },
  { command: 'mounts', aliases: ['mount'], methods: [`${M}Mounts`] },
  {
    command: 'disks',
    methods: ['/storage.StorageService/Disks'],
    note: 'newer talosctl lists disks as resources: `talosctl get disks`',
  },
  {
    command: 'diskfree',
    aliases: ['df'],
    methods: [`${COSI}Get`, `${COSI}List`, '/machine.StorageService/Statfs'],
  },
  { command: 'usage', aliases: ['du'], methods: [`${M}DiskUsage`] },
  {
    command: 'get',
    methods: [`${COSI}Get`, `${COSI}List`],
    note: '--watch also uses Watch; secrets and the machine configuration are sensitive and need os:admin',
  },
  { command: 'version', methods: [`${M}Version`] },
  {
    command: 'health',
    methods: ['/cluster.ClusterService/HealthCheck'],
    note: '--server=false runs the checks locally and needs an admin kubeconfig',
  },
  { command: 'time', methods: ['/time.TimeService/TimeCheck'] },
  { command: 'etcd snapshot', methods: [`${M}EtcdSnapshot`] },
  { command: 'etcd members', methods: [`${M}EtcdMemberList`] },
  { command: 'etcd status', methods: [`${M}EtcdStatus`] },
  { command: 'etcd alarm list', methods: [`${M}EtcdAlarmList`] },
  { command: 'etcd alarm disarm', methods: [`${M}EtcdAlarmDisarm`] },
  { command: 'etcd defrag', methods: [`${M}EtcdDefragment`] },
  { command: 'etcd leave', methods: [`${M}EtcdLeaveCluster`] },
  { command: 'etcd forfeit-leadership', methods: [`${M}EtcdForfeitLeadership`] },
  { command: 'etcd remove-member', methods: [`${M}EtcdRemoveMemberByID`] },
  { command: 'etcd downgrade validate', methods: [`${M}EtcdDowngradeValidate`] },
  { command: 'etcd downgrade enable', methods: [`${M}EtcdDowngradeEnable`] },
  { command: 'etcd downgrade cancel', methods: [`${M}EtcdDowngradeCancel`] },
  {
    command: 'bootstrap',
    methods: [`${M}Bootstrap`],
    note: '--recover-from also uploads the snapshot with EtcdRecover (admin only)',
  },
  { command: 'kubeconfig', methods: [`${M}Kubeconfig`] },
  { command: 'read', aliases: ['cat'], methods: [`${M}Read`] },
  { command: 'copy', aliases: ['cp'], methods: [`${M}Copy`] },
  { command: 'list', aliases: ['ls'], methods: [`${M}List`] },
  { command: 'netstat', aliases: ['ns'], methods: [`${M}Netstat`] },
  { command: 'pcap', methods: [`${M}PacketCapture`] },
  {
    command: 'image list',
    aliases: ['images list', 'image ls', 'images ls'],
    methods: [`${IMAGE}List`],
    note: 'Talos before 1.13: MachineService/ImageList',
  },
  {
    command: 'image pull',
    aliases: ['images pull'],
    methods: [`${IMAGE}Pull`],
    note: 'Talos before 1.13: MachineService/ImagePull',
  },
  {
    command: 'image remove',
    aliases: ['image rm', 'images remove', 'images rm'],
    methods: [`${IMAGE}Remove`],
  },
  {
    command: 'dashboard',
    methods: [
      `${M}Version`,
      `${M}Hostname`,
      `${M}LoadAvg`,
      `${M}Memory`,
      `${M}SystemStat`,
      `${M}CPUInfo`,
      `${M}NetworkDeviceStats`,
      `${M}DiskStats`,
      `${M}Processes`,
      `${COSI}Get`,
      `${COSI}List`,
      `${COSI}Watch`,
    ],
  },
  { command: 'config new', methods: [`${M}GenerateClientConfiguration`] },
  { command: 'meta write', methods: [`${M}MetaWrite`] },
  { command: 'meta delete', methods: [`${M}MetaDelete`] },
  { command: 'wipe disk', methods: ['/storage.StorageService/BlockDeviceWipe'] },
  { command: 'wipe lv', methods: [`${LVM}LogicalVolumeRemove`] },
  { command: 'wipe vg', methods: [`${LVM}VolumeGroupRemove`] },
  { command: 'wipe pv', methods: [`${LVM}PhysicalVolumeRemove`] },
  { command: 'events', methods: [`${M}Events`] },
  {
    command: 'cgroups',
    aliases: ['cg'],
    methods: [`${M}Copy`, `${M}Processes`, `${M}Containers`],
    note: 'copies /sys/fs/cgroup from the node, and Copy is admin only',
  },
  { command: 'inspect dependencies', methods: ['/inspect.InspectService/ControllerRuntimeDependencies'] },
];

const byName = new Map<string, TalosctlCommand>(
  talosctlCommands.flatMap((entry) => [entry.command, ...(entry.aliases ?? [])].map((name) => [name, entry])),
);

/**
 * The command a user typed, as one string: `reboot`, `talosctl etcd snapshot`, `service kubelet restart`.
 * Spacing and case do not matter; flags are not part of a command.
 */
export function lookupCommand(text: string): TalosctlCommand | undefined {
  const words = text.trim().toLowerCase().split(/\s+/);
  if (words[0] === 'talosctl') words.shift();
  const direct = byName.get(words.join(' '));
  if (direct) return direct;
  // `talosctl service ID start`: the service ID sits between the command and its action.
  if (words.length === 3 && (words[0] === 'service' || words[0] === 'services')) {
    return byName.get(`service ${words[2] ?? ''}`);
  }
  return undefined;
}
