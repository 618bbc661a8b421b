"""moto's server with EC2 ImportSnapshot and DescribeImportSnapshotTasks, which moto lacks.

Usage: python3 moto_with_import_snapshot.py -H 127.0.0.1 -p PORT

ImportSnapshot reads the S3 object named by DiskContainer.UserBucket, and the task completes on the second
DescribeImportSnapshotTasks (the first one reports it "active"), with a volume and snapshot in the EC2
backend sized from the object (GiB, rounded up), as AWS does. What AWS documents it refuses is refused:
- the call itself, with InvalidParameter, when the service role (RoleName, default "vmimport") does not exist
  in the account's IAM;
- the task, which ends "deleted" with a status message, when the object is missing, or when its format (told
  from its first bytes: VMDK, VHD, QCOW2 or else RAW) is not DiskContainer.Format (when given) or is not one of
  the formats ImportSnapshot takes (VHD, VMDK, RAW).

RegisterImage keeps what moto's drops: architecture, virtualization type, root device name, boot mode, ENA
support, and the snapshot the root device's mapping names (in place of moto's auto-created one).

DescribeRegions leaves out the regions in MOTO_DISABLED_REGIONS (default "me-south-1"), as AWS leaves out
opt-in regions an account has not enabled although their endpoints exist.
"""

import itertools
import math
import os
import sys

from moto.ec2.exceptions import InvalidParameter
from moto.ec2.responses import EC2Response
from moto.core.responses import ActionResult
from moto.iam.models import iam_backends
from moto.s3.models import s3_backends

DISABLED_REGIONS = set(os.environ.get("MOTO_DISABLED_REGIONS", "me-south-1").split(","))
IMPORTABLE_FORMATS = {"VHD", "VMDK", "RAW"}
_task_numbers = itertools.count(1)
# (account, region) -> {task id -> task}
_tasks = {}


def _object(account, bucket, key):
    try:
        return s3_backends[account]["aws"].get_object(bucket, key)
    except Exception:  # a missing bucket raises
        return None


def _format_of(data):
    """The disk format the object's bytes show, as the import's disk validation tells it."""
    if data[:4] == b"KDMV":
        return "VMDK"
    if data[:4] == b"QFI\xfb":
        return "QCOW2"
    if data[:8] == b"conectix" or data[-512:-504] == b"conectix":
        return "VHD"
    return "RAW"


def _role_exists(account, name):
    try:
        iam_backends[account]["global"].get_role(name)
        return True
    except Exception:  # moto raises its NoSuchEntity error
        return False


def import_snapshot(self):
    self.error_on_dryrun()
    role = self._get_param("RoleName") or "vmimport"
    if not _role_exists(self.current_account, role):
        raise InvalidParameter("The service role %s provided does not exist or does not have sufficient permissions" % role)
    description = self._get_param("Description", "")
    container = self._get_param("DiskContainer", {}) or {}
    user_bucket = container.get("UserBucket", {}) or {}
    bucket, key = user_bucket.get("S3Bucket"), user_bucket.get("S3Key")
    wanted_format = (container.get("Format") or "").upper()
    task_id = "import-snap-%017x" % next(_task_numbers)
    task = {
        "ImportTaskId": task_id,
        "Description": description,
        "SnapshotTaskDetail": {
            "Description": description,
            "Format": wanted_format or "RAW",
            "Status": "active",
            "StatusMessage": "pending",
            "Progress": "0",
            "UserBucket": {"S3Bucket": bucket, "S3Key": key},
        },
        "_polls": 0,
    }
    found = _object(self.current_account, bucket, key)
    if found is None:
        task["_failure"] = "ClientError: The specified S3 object %s/%s does not exist" % (bucket, key)
    else:
        actual_format = _format_of(found.value)
        if actual_format not in IMPORTABLE_FORMATS or (wanted_format and wanted_format != actual_format):
            task["_failure"] = "ClientError: Disk validation failed [Unsupported specified file format]"
        else:
            task["_size"] = found.size
    _tasks.setdefault((self.current_account, self.region), {})[task_id] = task
    return ActionResult(_public(task))


def describe_import_snapshot_tasks(self):
    tasks = _tasks.get((self.current_account, self.region), {})
    wanted = self._get_param("ImportTaskIds", []) or list(tasks)
    found = []
    for task_id in wanted:
        task = tasks.get(task_id)
        if task is None:
            continue
        _advance(self, task)
        found.append(_public(task))
    return ActionResult({"ImportSnapshotTasks": found})


def _advance(response, task):
    task["_polls"] += 1
    detail = task["SnapshotTaskDetail"]
    if detail["Status"] != "active" or task["_polls"] < 2:
        return
    if "_failure" in task:
        detail.update(Status="deleted", StatusMessage=task["_failure"])
        detail.pop("Progress", None)
        return
    size_bytes = task["_size"]
    backend = response.ec2_backend
    volume = backend.create_volume(size=max(1, math.ceil(size_bytes / 2**30)), zone_name=response.region + "a")
    snapshot = backend.create_snapshot(volume.id, task["Description"])
    detail.update(Status="completed", SnapshotId=snapshot.id, DiskImageSize=float(size_bytes))
    detail.pop("StatusMessage", None)
    detail.pop("Progress", None)


def _public(task):
    return {k: v for k, v in task.items() if not k.startswith("_")}


_enabled_regions_only = EC2Response.describe_regions


def describe_regions(self):
    result = _enabled_regions_only(self)
    result.result["Regions"] = [r for r in result.result["Regions"] if r.name not in DISABLED_REGIONS]
    return result


_register_image_by_name_only = EC2Response.register_image


def register_image(self):
    result = _register_image_by_name_only(self)
    backend = self.ec2_backend
    image = backend.amis[result.result["ImageId"]]
    image.architecture = self._get_param("Architecture", "x86_64")
    image.virtualization_type = self._get_param("VirtualizationType", "paravirtual")
    image.root_device_name = self._get_param("RootDeviceName", image.root_device_name)
    image.boot_mode = self._get_param("BootMode", image.boot_mode)
    image.ena_support = self._get_bool_param("EnaSupport", False)
    for mapping in self._get_param("BlockDeviceMappings", []) or []:
        snapshot_id = (mapping.get("Ebs") or {}).get("SnapshotId")
        if mapping.get("DeviceName") == image.root_device_name and snapshot_id:
            auto_created = image.ebs_snapshot
            image.ebs_snapshot = backend.get_snapshot(snapshot_id)
            auto_created.from_ami = None
            backend.delete_snapshot(auto_created.id)
    return result


EC2Response.describe_regions = describe_regions
EC2Response.register_image = register_image
EC2Response.import_snapshot = import_snapshot
EC2Response.describe_import_snapshot_tasks = describe_import_snapshot_tasks

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
