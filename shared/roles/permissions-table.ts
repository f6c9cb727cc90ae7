import type { KnownRole } from './catalog.js';

/** One rule of the Talos API authorizer: a caller holding ANY of `roles` may call `method`. */
export interface PermissionRule {
  /** Full gRPC method name, `/package.Service/Method`. */
  readonly method: string;
  readonly roles: readonly KnownRole[];
  /** A restriction Talos applies outside the table (TALOS.md "Roles"), e.g. "reader only in maintenance mode". */
  readonly note?: string;
}

/**
 * Which roles the Talos API (machined, Talos 1.14 development line) allows for each gRPC method, in the order
 * of talos-api-permissions.tsv (tests/fixtures/PERMISSIONS-PROVENANCE.md). A test compares this table with that
 * file line by line, so an update to the file without one here fails.
 *
 * Methods missing here are os:admin only. Version drift worth knowing: in 1.8-1.12 MetaWrite/MetaDelete were
 * admin-only; EtcdAlarmList/EtcdStatus lacked os:reader and os:etcd:backup before 1.12; the LVM, MD and Statfs
 * rules are new in 1.14.
 */
export const permissionTable: readonly PermissionRule[] = [
  { method: '/cluster.ClusterService/HealthCheck', roles: ['os:admin', 'os:operator', 'os:reader'] },
  {
    method: '/inspect.InspectService/ControllerRuntimeDependencies',
    roles: ['os:admin', 'os:operator', 'os:reader'],
  },
  { method: '/machine.ImageService/Import', roles: ['os:admin'] },
  { method: '/machine.ImageService/List', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.ImageService/Pull', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.ImageService/Remove', roles: ['os:admin'] },
  {
    method: '/machine.ImageService/Verify',
    roles: ['os:admin', 'os:operator', 'os:reader', 'os:image:verifier'],
  },
  { method: '/machine.DebugService/ContainerRun', roles: ['os:admin'] },
  { method: '/machine.LifecycleService/Install', roles: ['os:admin'] },
  { method: '/machine.LifecycleService/Upgrade', roles: ['os:admin'] },
  { method: '/machine.StorageService/Statfs', roles: ['os:admin', 'os:operator', 'os:reader'] },
  {
    method: '/machine.MachineService/ApplyConfiguration',
    roles: ['os:admin', 'os:reader'],
    note: 'reader only in maintenance mode',
  },
  { method: '/machine.MachineService/Bootstrap', roles: ['os:admin'] },
  { method: '/machine.MachineService/CPUInfo', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/CPUFreqStats', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Containers', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Copy', roles: ['os:admin'] },
  { method: '/machine.MachineService/DiskStats', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/DiskUsage', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Dmesg', roles: ['os:admin', 'os:operator', 'os:reader'] },
  {
    method: '/machine.MachineService/EtcdAlarmList',
    roles: ['os:admin', 'os:operator', 'os:reader', 'os:etcd:backup'],
  },
  { method: '/machine.MachineService/EtcdAlarmDisarm', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/EtcdDefragment', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/EtcdForfeitLeadership', roles: ['os:admin'] },
  { method: '/machine.MachineService/EtcdLeaveCluster', roles: ['os:admin'] },
  {
    method: '/machine.MachineService/EtcdMemberList',
    roles: ['os:admin', 'os:operator', 'os:reader', 'os:etcd:backup'],
  },
  { method: '/machine.MachineService/EtcdRecover', roles: ['os:admin'] },
  { method: '/machine.MachineService/EtcdRemoveMemberByID', roles: ['os:admin'] },
  { method: '/machine.MachineService/EtcdSnapshot', roles: ['os:admin', 'os:operator', 'os:etcd:backup'] },
  {
    method: '/machine.MachineService/EtcdStatus',
    roles: ['os:admin', 'os:operator', 'os:reader', 'os:etcd:backup'],
  },
  { method: '/machine.MachineService/EtcdDowngradeCancel', roles: ['os:admin'] },
  { method: '/machine.MachineService/EtcdDowngradeEnable', roles: ['os:admin'] },
  { method: '/machine.MachineService/EtcdDowngradeValidate', roles: ['os:admin'] },
  { method: '/machine.MachineService/Events', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/GenerateClientConfiguration', roles: ['os:admin'] },
  { method: '/machine.MachineService/Hostname', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/ImageList', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/ImagePull', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/Kubeconfig', roles: ['os:admin'] },
  { method: '/machine.MachineService/List', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/LoadAvg', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Logs', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/LogsContainers', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Memory', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/MetaWrite', roles: ['os:admin', 'os:meta:writer'] },
  { method: '/machine.MachineService/MetaDelete', roles: ['os:admin', 'os:meta:writer'] },
  { method: '/machine.MachineService/Mounts', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/NetworkDeviceStats', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Netstat', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/PacketCapture', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/Processes', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Read', roles: ['os:admin'] },
  { method: '/machine.MachineService/Reboot', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/Reset', roles: ['os:admin'] },
  { method: '/machine.MachineService/Restart', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/Rollback', roles: ['os:admin'] },
  { method: '/machine.MachineService/ServiceList', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/ServiceRestart', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/ServiceStart', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/ServiceStop', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/Shutdown', roles: ['os:admin', 'os:operator'] },
  { method: '/machine.MachineService/Stats', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/SystemStat', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/machine.MachineService/Upgrade', roles: ['os:admin'] },
  { method: '/machine.MachineService/Version', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/cosi.resource.State/Create', roles: ['os:admin'] },
  { method: '/cosi.resource.State/Destroy', roles: ['os:admin'] },
  { method: '/cosi.resource.State/Teardown', roles: ['os:admin'] },
  { method: '/cosi.resource.State/TeardownAndDestroy', roles: ['os:admin'] },
  { method: '/cosi.resource.State/Get', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/cosi.resource.State/List', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/cosi.resource.State/Update', roles: ['os:admin'] },
  { method: '/cosi.resource.State/Watch', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/storage.StorageService/Disks', roles: ['os:admin', 'os:operator', 'os:reader'] },
  {
    method: '/storage.StorageService/BlockDeviceWipe',
    roles: ['os:admin', 'os:reader'],
    note: 'reader only in maintenance mode',
  },
  {
    method: '/machine.LVMService/LogicalVolumeRemove',
    roles: ['os:admin', 'os:reader'],
    note: 'reader only in maintenance mode',
  },
  {
    method: '/machine.LVMService/VolumeGroupRemove',
    roles: ['os:admin', 'os:reader'],
    note: 'reader only in maintenance mode',
  },
  {
    method: '/machine.LVMService/PhysicalVolumeRemove',
    roles: ['os:admin', 'os:reader'],
    note: 'reader only in maintenance mode',
  },
  {
    method: '/machine.MDService/Destroy',
    roles: ['os:admin', 'os:reader'],
    note: 'reader only in maintenance mode',
  },
  { method: '/time.TimeService/Time', roles: ['os:admin', 'os:operator', 'os:reader'] },
  { method: '/time.TimeService/TimeCheck', roles: ['os:admin', 'os:operator', 'os:reader'] },
];
