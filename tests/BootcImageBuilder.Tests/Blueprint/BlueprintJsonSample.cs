namespace BootcImageBuilder.Tests.Blueprint;

/// <summary>The JSON twin of <see cref="BlueprintSamples.FullToml"/>.</summary>
internal static class BlueprintJsonSample
{
    public const string FullJson = $$"""
        {
          "name": "everything",
          "description": "sets every key",
          "version": "1.2.3",
          "distro": "fedora-42",
          "architecture": "x86_64",
          "packages": [
            {
              "name": "vim",
              "version": "9.*"
            }
          ],
          "modules": [
            {
              "name": "nodejs"
            }
          ],
          "enabled_modules": [
            {
              "name": "nodejs",
              "stream": "20"
            }
          ],
          "groups": [
            {
              "name": "@core"
            }
          ],
          "containers": [
            {
              "source": "quay.io/x/y:latest",
              "name": "y",
              "tls-verify": false,
              "local-storage": true
            }
          ],
          "customizations": {
            "hostname": "box",
            "installation_device": "/dev/vda",
            "partitioning_mode": "lvm",
            "fips": true,
            "kernel": {
              "name": "kernel-rt",
              "append": "quiet mitigations=off"
            },
            "sshkey": [
              {
                "user": "root",
                "key": "ssh-ed25519 AAAA root"
              }
            ],
            "user": [
              {
                "name": "alice",
                "description": "Alice",
                "password": "{{BlueprintSamples.Secret}}",
                "key": "ssh-ed25519 AAAA alice",
                "home": "/var/home/alice",
                "shell": "/bin/bash",
                "groups": [
                  "wheel",
                  "users"
                ],
                "uid": 1000,
                "gid": 1001,
                "expiredate": 20000,
                "force_password_reset": true
              },
              {
                "name": "bob"
              }
            ],
            "group": [
              {
                "name": "devs",
                "gid": 2000
              }
            ],
            "timezone": {
              "timezone": "Europe/Berlin",
              "ntpservers": [
                "pool.ntp.org"
              ]
            },
            "locale": {
              "languages": [
                "en_US.UTF-8"
              ],
              "keyboard": "us"
            },
            "firewall": {
              "ports": [
                "22:tcp"
              ],
              "services": {
                "enabled": [
                  "ssh"
                ],
                "disabled": [
                  "telnet"
                ]
              },
              "zones": [
                {
                  "name": "trusted",
                  "sources": [
                    "10.0.0.0/8"
                  ]
                }
              ]
            },
            "services": {
              "enabled": [
                "sshd"
              ],
              "disabled": [
                "cups"
              ],
              "masked": [
                "bluetooth"
              ]
            },
            "filesystem": [
              {
                "mountpoint": "/var/log",
                "minsize": "2 GiB"
              },
              {
                "mountpoint": "/var/data",
                "size": 1073741824
              }
            ],
            "disk": {
              "type": "gpt",
              "minsize": "20 GiB",
              "start_offset": "1 MiB",
              "partitions": [
                {
                  "minsize": "1 GiB",
                  "mountpoint": "/boot",
                  "label": "boot",
                  "fs_type": "ext4",
                  "part_type": "bc13c2ff-59e6-4262-a352-b275fd6f7172",
                  "part_label": "xbootldr",
                  "part_uuid": "0b5a5b5e-6f1c-4b8a-9d59-3c4b8a9e2f10"
                },
                {
                  "type": "lvm",
                  "name": "vg00",
                  "minsize": "10 GiB",
                  "logical_volumes": [
                    {
                      "name": "rootlv",
                      "mountpoint": "/",
                      "label": "root",
                      "fs_type": "xfs",
                      "minsize": "5 GiB"
                    },
                    {
                      "name": "swaplv",
                      "fs_type": "swap",
                      "minsize": "512 MiB"
                    }
                  ]
                },
                {
                  "type": "btrfs",
                  "minsize": "10 kB",
                  "subvolumes": [
                    {
                      "name": "home",
                      "mountpoint": "/var/home"
                    }
                  ]
                }
              ]
            },
            "fdo": {
              "manufacturing_server_url": "https://fdo.example.com",
              "diun_pub_key_insecure": "true",
              "diun_pub_key_hash": "sha256:aa",
              "diun_pub_key_root_certs": "PEM",
              "di_mfg_string_type_mac_iface": "eth0"
            },
            "openscap": {
              "datastream": "/usr/share/xml/scap/ssg.xml",
              "profile_id": "cis",
              "policy_id": "p1",
              "tailoring": {
                "selected": [
                  "a"
                ],
                "unselected": [
                  "b"
                ]
              },
              "json_tailoring": {
                "profile_id": "cis-custom",
                "filepath": "/etc/tailoring.json"
              }
            },
            "ignition": {
              "embedded": {
                "config": "eyJpZ25pdGlvbiI6e319"
              },
              "firstboot": {
                "url": "https://ign.example.com/config.ign",
                "empty": false
              }
            },
            "directories": [
              {
                "path": "/etc/mydir",
                "user": "root",
                "group": 0,
                "mode": "0755",
                "ensure_parents": true
              }
            ],
            "files": [
              {
                "path": "/etc/custom_file",
                "user": 1000,
                "group": "wheel",
                "mode": "0644",
                "data": "hello"
              },
              {
                "path": "/etc/from_uri",
                "uri": "file:///tmp/x"
              }
            ],
            "repositories": [
              {
                "id": "extra",
                "baseurls": [
                  "https://repo.example.com"
                ],
                "gpgkeys": [
                  "KEY"
                ],
                "metalink": "https://m",
                "mirrorlist": "https://ml",
                "name": "Extra",
                "priority": 10,
                "enabled": true,
                "gpgcheck": true,
                "repo_gpgcheck": false,
                "sslverify": true,
                "module_hotfixes": false,
                "filename": "extra.repo",
                "install_from": true
              }
            ],
            "installer": {
              "unattended": true,
              "sudo-nopasswd": [
                "alice",
                "%wheel"
              ],
              "kickstart": {
                "contents": "text --non-interactive"
              },
              "modules": {
                "enable": [
                  "org.fedoraproject.Anaconda.Modules.Localization"
                ],
                "disable": [
                  "org.fedoraproject.Anaconda.Modules.Users"
                ]
              },
              "bootloader": {
                "grub2": {
                  "menu-timeout": 5
                }
              }
            },
            "rpm": {
              "import_keys": {
                "files": [
                  "/etc/pki/rpm-gpg/KEY"
                ]
              }
            },
            "rhsm": {
              "config": {
                "dnf_plugins": {
                  "product_id": {
                    "enabled": true
                  },
                  "subscription_manager": {
                    "enabled": false
                  }
                },
                "subscription_manager": {
                  "rhsm": {
                    "manage_repos": true,
                    "auto_enable_yum_plugins": false
                  },
                  "rhsmcertd": {
                    "auto_registration": true
                  }
                }
              }
            },
            "cacerts": {
              "pem_certs": [
                "-----BEGIN CERTIFICATE-----"
              ]
            },
            "containers-storage": {
              "destination-path": "/usr/share/containers/storage"
            },
            "firstboot": {
              "scripts": [
                {
                  "type": "custom",
                  "name": "hello",
                  "ignore_failure": true,
                  "contents": "echo hi"
                },
                {
                  "type": "Satellite",
                  "command": "register",
                  "cacerts": [
                    "C"
                  ]
                },
                {
                  "type": "aap",
                  "job_template_url": "https://aap/jt",
                  "host_config_key": "k"
                }
              ]
            },
            "dnf": {
              "config": {
                "set_releasever": true
              }
            },
            "iso": {
              "volume_id": "MYISO",
              "application_id": "app",
              "publisher": "me"
            },
            "sshd": {
              "password_authentication": false,
              "client_alive_interval": 60,
              "permit_root_login": "prohibit-password",
              "kbd_interactive_authentication": false
            }
          }
        }
        """;
}
