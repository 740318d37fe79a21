/** Small key → JSON settings of the deployment (first-start markers, city profile). */
export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: number;
}
