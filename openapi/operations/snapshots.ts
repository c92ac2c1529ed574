// Disk snapshots and snapshot chains (EBS, served on /ebs/v1).
export {};
