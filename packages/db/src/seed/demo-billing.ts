import type { TransactionSql } from "postgres";

/**
 * Demo billing: three plans, and a billing profile and plan for each launched demo region from the
 * first of the month four months back, so `npm start` shows a few months of invoices (issued by
 * apps/api/src/cli/demo-billing.ts once the stack runs). Prices are illustrative, in whole rupiah.
 */
export const demoPlans = [
  {
    code: "standar-bulanan",
    name: "Standar",
    period: "monthly",
    baseFee: 15_000_000,
    seatFee: 250_000,
    channelFee: 100_000,
    notificationFee: 500,
    callAllowance: 10_000,
    callFee: 100,
  },
  {
    code: "kota-besar-bulanan",
    name: "Kota Besar",
    period: "monthly",
    baseFee: 35_000_000,
    seatFee: 200_000,
    channelFee: 80_000,
    notificationFee: 400,
    callAllowance: 40_000,
    callFee: 80,
  },
  {
    code: "standar-tahunan",
    name: "Standar Tahunan",
    period: "annual",
    baseFee: 165_000_000,
    seatFee: 2_750_000,
    channelFee: 1_100_000,
    notificationFee: 500,
    callAllowance: 120_000,
    callFee: 100,
  },
] as const;

const demoProfiles = [
  {
    slug: "sidoarjo",
    plan: "standar-bulanan",
    legalName: "Pemerintah Kabupaten Sidoarjo c.q. Dinas Komunikasi dan Informatika",
    virtualAccount: "8808 3515 0001",
  },
  {
    slug: "jakarta-pusat",
    plan: "kota-besar-bulanan",
    legalName: "Pemerintah Provinsi DKI Jakarta c.q. Dinas Komunikasi, Informatika dan Statistik",
    virtualAccount: "8808 3171 0001",
  },
  {
    slug: "denpasar",
    plan: "standar-bulanan",
    legalName: "Pemerintah Kota Denpasar c.q. Dinas Komunikasi, Informatika dan Statistik",
    virtualAccount: "8808 5171 0001",
  },
  {
    slug: "semarang",
    plan: "standar-bulanan",
    legalName:
      "Pemerintah Kota Semarang c.q. Dinas Komunikasi, Informatika, Statistik dan Persandian",
    virtualAccount: "8808 3374 0001",
  },
] as const;

export async function seedDemoBilling(tx: TransactionSql): Promise<void> {
  await tx`
    insert into billing_plans (code, name, period, base_fee, seat_fee, channel_fee, notification_fee, call_allowance, call_fee)
    select p.code, p.name, p.period::billing_period, p.base_fee, p.seat_fee, p.channel_fee, p.notification_fee, p.call_allowance, p.call_fee
      from jsonb_to_recordset(${tx.json(
        demoPlans.map((plan) => ({
          code: plan.code,
          name: plan.name,
          period: plan.period,
          base_fee: plan.baseFee,
          seat_fee: plan.seatFee,
          channel_fee: plan.channelFee,
          notification_fee: plan.notificationFee,
          call_allowance: plan.callAllowance,
          call_fee: plan.callFee,
        })),
      )}) as p(code text, name text, period text, base_fee bigint, seat_fee bigint, channel_fee bigint, notification_fee bigint, call_allowance int, call_fee bigint)
    on conflict do nothing`;
  const profiles = demoProfiles.map((profile) => ({
    ...profile,
    virtual_account: profile.virtualAccount,
    legal_name: profile.legalName,
  }));
  await tx`
    insert into billing_profiles (tenant_id, legal_name, address, email, virtual_account)
    select t.id, d.legal_name, 'Kantor ' || t.display_name, 'keuangan.' || t.slug || '@demo.sigap112.id', d.virtual_account
      from jsonb_to_recordset(${tx.json(profiles)}) as d(slug text, legal_name text, virtual_account text)
      join tenants t on t.slug = d.slug
    on conflict do nothing`;
  await tx`
    insert into plan_assignments (tenant_id, starts_on, plan_id)
    select t.id, (date_trunc('month', (now() at time zone t.time_zone::text) - interval '4 months'))::date, p.id
      from jsonb_to_recordset(${tx.json(profiles)}) as d(slug text, plan text)
      join tenants t on t.slug = d.slug
      join billing_plans p on p.code = d.plan
     where not exists (select 1 from plan_assignments a where a.tenant_id = t.id)`;
}
