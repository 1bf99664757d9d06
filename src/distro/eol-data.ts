/**
 * End-of-life data per distribution and release, kept as data (the style of Trivy's per-distro EOL
 * maps). Sources: endoflife.date and the distributions' own release pages.
 *
 * - `eol`: end of the security updates an ordinary container image of that release receives for free.
 *   For Debian that is the end of Debian LTS (same archive, no subscription); `regularEol` is when the
 *   security team hands over to LTS. For Ubuntu it is the end of standard support; ESM needs Ubuntu Pro.
 * - `extendedEol`: paid or subscription-only support (Ubuntu Pro ESM, RHEL ELS, SLES LTSS, Debian ELTS).
 * - `latest`: a point release known to exist when the table was updated (only releases confirmed from
 *   the sources are entered, so it is a lower bound). An image newer than the table is never reported.
 * Dates after EOL_DATA_AS_OF are announced plans (Fedora EOL dates are estimated by the Fedora schedule).
 */

export interface EolRelease {
  /** the release as matched against the image: "3.10", "12", "22.04", "9", "15.6" */
  cycle: string;
  codename?: string;
  /** YYYY-MM-DD */
  released: string;
  /** end of free security support; null for rolling distributions */
  eol: string | null;
  regularEol?: string;
  extendedEol?: string;
  latest?: string;
  lts?: boolean;
}

export interface EolDistro {
  /** OsInfo.family values this table answers for */
  families: string[];
  name: string;
  rolling?: boolean;
  /** how the image's version maps to a cycle: major ("12"), major.minor ("3.10", "22.04"), or exact */
  cycleFrom: 'major' | 'major.minor' | 'exact';
  releases: EolRelease[];
}

/** The date the table (latest point releases, EOL plans) was last reviewed. */
export const EOL_DATA_AS_OF = '2026-01-31';

const alpine: EolRelease[] = [
  { cycle: '3.23', released: '2025-12-03', eol: '2027-11-01', latest: '3.23.3' },
  { cycle: '3.22', released: '2025-05-30', eol: '2027-05-01', latest: '3.22.1' },
  { cycle: '3.21', released: '2024-12-05', eol: '2026-11-01', latest: '3.21.4' },
  { cycle: '3.20', released: '2024-05-22', eol: '2026-04-01', latest: '3.20.7' },
  { cycle: '3.19', released: '2023-12-07', eol: '2025-11-01', latest: '3.19.8' },
  { cycle: '3.18', released: '2023-05-09', eol: '2025-05-09', latest: '3.18.12' },
  { cycle: '3.17', released: '2022-11-22', eol: '2024-11-22', latest: '3.17.10' },
  { cycle: '3.16', released: '2022-05-23', eol: '2024-05-23', latest: '3.16.9' },
  { cycle: '3.15', released: '2021-11-24', eol: '2023-11-01', latest: '3.15.11' },
  { cycle: '3.14', released: '2021-06-15', eol: '2023-05-01', latest: '3.14.10' },
  { cycle: '3.13', released: '2021-01-14', eol: '2022-11-01', latest: '3.13.12' },
  { cycle: '3.12', released: '2020-05-29', eol: '2022-05-01', latest: '3.12.12' },
  { cycle: '3.11', released: '2019-12-19', eol: '2021-11-01', latest: '3.11.13' },
  { cycle: '3.10', released: '2019-06-19', eol: '2021-05-01', latest: '3.10.9' },
  { cycle: '3.9', released: '2019-01-29', eol: '2020-11-01', latest: '3.9.6' },
  { cycle: '3.8', released: '2018-06-26', eol: '2020-05-01', latest: '3.8.5' },
  { cycle: '3.7', released: '2017-11-30', eol: '2019-11-01', latest: '3.7.3' },
  { cycle: '3.6', released: '2017-05-24', eol: '2019-05-01', latest: '3.6.5' },
  { cycle: '3.5', released: '2016-12-22', eol: '2018-11-01', latest: '3.5.3' },
  { cycle: '3.4', released: '2016-05-31', eol: '2018-05-01', latest: '3.4.6' },
  { cycle: '3.3', released: '2015-11-24', eol: '2017-11-01', latest: '3.3.3' },
  { cycle: '3.2', released: '2015-05-26', eol: '2017-05-01', latest: '3.2.3' },
  { cycle: '3.1', released: '2014-12-10', eol: '2016-11-01', latest: '3.1.4' },
  { cycle: '3.0', released: '2014-06-04', eol: '2016-05-01', latest: '3.0.6' },
];

const debian: EolRelease[] = [
  { cycle: '13', codename: 'trixie', released: '2025-08-09', regularEol: '2028-08-09', eol: '2030-06-30', latest: '13.1' },
  { cycle: '12', codename: 'bookworm', released: '2023-06-10', regularEol: '2026-06-10', eol: '2028-06-30', latest: '12.12' },
  { cycle: '11', codename: 'bullseye', released: '2021-08-14', regularEol: '2024-08-14', eol: '2026-08-31', extendedEol: '2031-06-30', latest: '11.11' },
  { cycle: '10', codename: 'buster', released: '2019-07-06', regularEol: '2022-09-10', eol: '2024-06-30', extendedEol: '2029-06-30', latest: '10.13' },
  { cycle: '9', codename: 'stretch', released: '2017-06-17', regularEol: '2020-07-18', eol: '2022-06-30', extendedEol: '2027-06-30', latest: '9.13' },
  { cycle: '8', codename: 'jessie', released: '2015-04-25', regularEol: '2018-06-17', eol: '2020-06-30', extendedEol: '2025-06-30', latest: '8.11' },
  { cycle: '7', codename: 'wheezy', released: '2013-05-04', regularEol: '2016-04-25', eol: '2018-05-31', extendedEol: '2020-06-30', latest: '7.11' },
];

const ubuntu: EolRelease[] = [
  { cycle: '25.10', codename: 'questing', released: '2025-10-09', eol: '2026-07-09' },
  { cycle: '25.04', codename: 'plucky', released: '2025-04-17', eol: '2026-01-15' },
  { cycle: '24.10', codename: 'oracular', released: '2024-10-10', eol: '2025-07-10' },
  { cycle: '24.04', codename: 'noble', released: '2024-04-25', eol: '2029-05-31', extendedEol: '2034-04-25', lts: true },
  { cycle: '23.10', codename: 'mantic', released: '2023-10-12', eol: '2024-07-11' },
  { cycle: '23.04', codename: 'lunar', released: '2023-04-20', eol: '2024-01-25' },
  { cycle: '22.10', codename: 'kinetic', released: '2022-10-20', eol: '2023-07-20' },
  { cycle: '22.04', codename: 'jammy', released: '2022-04-21', eol: '2027-06-01', extendedEol: '2032-04-09', lts: true },
  { cycle: '21.10', codename: 'impish', released: '2021-10-14', eol: '2022-07-14' },
  { cycle: '21.04', codename: 'hirsute', released: '2021-04-22', eol: '2022-01-20' },
  { cycle: '20.10', codename: 'groovy', released: '2020-10-22', eol: '2021-07-22' },
  { cycle: '20.04', codename: 'focal', released: '2020-04-23', eol: '2025-05-29', extendedEol: '2030-04-02', lts: true },
  { cycle: '19.10', codename: 'eoan', released: '2019-10-17', eol: '2020-07-17' },
  { cycle: '19.04', codename: 'disco', released: '2019-04-18', eol: '2020-01-23' },
  { cycle: '18.10', codename: 'cosmic', released: '2018-10-18', eol: '2019-07-18' },
  { cycle: '18.04', codename: 'bionic', released: '2018-04-26', eol: '2023-05-31', extendedEol: '2028-04-01', lts: true },
  { cycle: '17.10', codename: 'artful', released: '2017-10-19', eol: '2018-07-19' },
  { cycle: '17.04', codename: 'zesty', released: '2017-04-13', eol: '2018-01-13' },
  { cycle: '16.10', codename: 'yakkety', released: '2016-10-13', eol: '2017-07-20' },
  { cycle: '16.04', codename: 'xenial', released: '2016-04-21', eol: '2021-04-30', extendedEol: '2026-04-23', lts: true },
  { cycle: '15.10', codename: 'wily', released: '2015-10-22', eol: '2016-07-28' },
  { cycle: '15.04', codename: 'vivid', released: '2015-04-23', eol: '2016-02-04' },
  { cycle: '14.10', codename: 'utopic', released: '2014-10-23', eol: '2015-07-23' },
  { cycle: '14.04', codename: 'trusty', released: '2014-04-17', eol: '2019-04-25', extendedEol: '2024-04-25', lts: true },
];

const rhel: EolRelease[] = [
  { cycle: '10', released: '2025-05-20', eol: '2035-05-31', extendedEol: '2038-05-31', latest: '10.0' },
  { cycle: '9', released: '2022-05-17', eol: '2032-05-31', extendedEol: '2035-05-31', latest: '9.6' },
  { cycle: '8', released: '2019-05-07', eol: '2029-05-31', extendedEol: '2032-05-31', latest: '8.10' },
  { cycle: '7', released: '2014-06-10', eol: '2024-06-30', extendedEol: '2028-06-30', latest: '7.9' },
];

const alma: EolRelease[] = [
  { cycle: '10', released: '2025-05-27', eol: '2035-05-31', latest: '10.0' },
  { cycle: '9', released: '2022-05-26', eol: '2032-05-31', latest: '9.6' },
  { cycle: '8', released: '2021-03-30', eol: '2029-03-01', latest: '8.10' },
];

const rocky: EolRelease[] = [
  { cycle: '10', released: '2025-06-11', eol: '2035-05-31', latest: '10.0' },
  { cycle: '9', released: '2022-07-14', eol: '2032-05-31', latest: '9.6' },
  { cycle: '8', released: '2021-06-21', eol: '2029-05-31', latest: '8.10' },
];

/** CentOS Linux, and CentOS Stream (matched when the OS name says Stream) as "stream-<major>". */
const centos: EolRelease[] = [
  { cycle: 'stream-10', released: '2024-12-12', eol: '2030-01-01' },
  { cycle: 'stream-9', released: '2021-12-03', eol: '2027-05-31' },
  { cycle: 'stream-8', released: '2019-09-24', eol: '2024-05-31' },
  { cycle: '8', released: '2019-09-24', eol: '2021-12-31', latest: '8.5' },
  { cycle: '7', released: '2014-07-07', eol: '2024-06-30', latest: '7.9' },
  { cycle: '6', released: '2011-07-10', eol: '2020-11-30', latest: '6.10' },
];

const amazon: EolRelease[] = [
  { cycle: '2023', released: '2023-03-15', eol: '2029-06-30' },
  { cycle: '2', released: '2018-06-26', eol: '2026-06-30' },
  { cycle: '2018.03', released: '2018-03-07', eol: '2023-12-31' },
];

const fedora: EolRelease[] = [
  { cycle: '43', released: '2025-10-28', eol: '2026-12-09' },
  { cycle: '42', released: '2025-04-15', eol: '2026-05-13' },
  { cycle: '41', released: '2024-10-29', eol: '2025-12-15' },
  { cycle: '40', released: '2024-04-23', eol: '2025-05-13' },
  { cycle: '39', released: '2023-11-07', eol: '2024-11-26' },
  { cycle: '38', released: '2023-04-18', eol: '2024-05-21' },
  { cycle: '37', released: '2022-11-15', eol: '2023-12-05' },
  { cycle: '36', released: '2022-05-10', eol: '2023-05-16' },
  { cycle: '35', released: '2021-11-02', eol: '2022-12-13' },
  { cycle: '34', released: '2021-04-27', eol: '2022-06-07' },
  { cycle: '33', released: '2020-10-27', eol: '2021-11-30' },
];

/** SLES service packs: VERSION_ID is "15.6" for 15 SP6. */
const sles: EolRelease[] = [
  { cycle: '15.7', released: '2025-06-17', eol: '2031-07-31', extendedEol: '2034-07-31' },
  { cycle: '15.6', released: '2024-06-25', eol: '2025-12-31', extendedEol: '2028-12-31' },
  { cycle: '15.5', released: '2023-06-20', eol: '2024-12-31', extendedEol: '2027-12-31' },
  { cycle: '15.4', released: '2022-06-21', eol: '2023-12-31', extendedEol: '2026-12-31' },
  { cycle: '15.3', released: '2021-06-22', eol: '2022-12-31', extendedEol: '2025-12-31' },
  { cycle: '15.2', released: '2020-07-21', eol: '2021-12-31', extendedEol: '2024-12-31' },
  { cycle: '15.1', released: '2019-06-24', eol: '2021-01-31', extendedEol: '2024-01-31' },
  { cycle: '12.5', released: '2019-12-09', eol: '2024-10-31', extendedEol: '2027-10-31' },
];

const leap: EolRelease[] = [
  { cycle: '16.0', released: '2025-10-01', eol: '2027-10-31' },
  { cycle: '15.6', released: '2024-06-12', eol: '2026-04-30' },
  { cycle: '15.5', released: '2023-06-07', eol: '2024-12-31' },
  { cycle: '15.4', released: '2022-06-08', eol: '2023-12-31' },
  { cycle: '15.3', released: '2021-06-02', eol: '2022-12-31' },
  { cycle: '15.2', released: '2020-07-02', eol: '2021-12-31' },
  { cycle: '15.1', released: '2019-05-22', eol: '2021-01-31' },
  { cycle: '15.0', released: '2018-05-25', eol: '2019-12-03' },
];

/** Every distribution the EOL checks know. Families are OsInfo.family values from distro/detect.ts. */
export const EOL_DATA: EolDistro[] = [
  { families: ['alpine'], name: 'Alpine Linux', cycleFrom: 'major.minor', releases: alpine },
  { families: ['debian'], name: 'Debian', cycleFrom: 'major', releases: debian },
  { families: ['ubuntu'], name: 'Ubuntu', cycleFrom: 'major.minor', releases: ubuntu },
  { families: ['redhat', 'rhel'], name: 'Red Hat Enterprise Linux', cycleFrom: 'major', releases: rhel },
  { families: ['almalinux'], name: 'AlmaLinux', cycleFrom: 'major', releases: alma },
  { families: ['rocky'], name: 'Rocky Linux', cycleFrom: 'major', releases: rocky },
  { families: ['centos'], name: 'CentOS', cycleFrom: 'major', releases: centos },
  { families: ['amazon'], name: 'Amazon Linux', cycleFrom: 'exact', releases: amazon },
  { families: ['fedora'], name: 'Fedora', cycleFrom: 'major', releases: fedora },
  { families: ['sles', 'sled'], name: 'SUSE Linux Enterprise Server', cycleFrom: 'major.minor', releases: sles },
  { families: ['opensuse-leap'], name: 'openSUSE Leap', cycleFrom: 'major.minor', releases: leap },
  { families: ['wolfi', 'chainguard'], name: 'Wolfi', rolling: true, cycleFrom: 'exact', releases: [] },
];
