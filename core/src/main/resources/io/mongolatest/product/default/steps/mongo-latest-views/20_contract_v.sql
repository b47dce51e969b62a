-- One row per latest contract (claim): its dates, status and how many claimants it has.
-- Integers go through DECIMAL, so that 2.0 and 1e1 read alike on both engines; claimant_count is NULL
-- when claimants is not an array and INT on both (json_array_length is UBIGINT on DuckDB).
CREATE OR REPLACE VIEW uc_mongo_latest.contract_v AS
SELECT
    get_json_object(c.id, '$.contractId')                                           AS contract_id,
    TRY_CAST(get_json_object(c.val, '$.startDate') AS DATE)                         AS start_date,
    TRY_CAST(get_json_object(c.val, '$.entitlementDate') AS DATE)                   AS entitlement_date,
    TRY_CAST(get_json_object(c.val, '$.closedDate') AS DATE)                        AS closed_date,
    TRY_CAST(TRY_CAST(get_json_object(c.val, '$.assessmentPeriodStartDay') AS DECIMAL(38, 0)) AS INT)
                                                                                    AS assessment_period_start_day,
    get_json_object(c.val, '$.status')                                              AS contract_status,
    TRY_CAST(get_json_object(c.val, '$.jointClaim') AS BOOLEAN)                     AS joint_claim,
    CASE WHEN SUBSTRING(TRIM(get_json_object(c.val, '$.claimants')), 1, 1) = '['
        THEN CAST(json_array_length(get_json_object(c.val, '$.claimants')) AS INT) END AS claimant_count,
    get_json_object(c.val, '$.declaration.channel')                                 AS declaration_channel,
    c.created                                                                       AS created_date_time,
    c.last_modified                                                                 AS last_modified_date_time,
    'LATEST'                                                                        AS status
FROM uc_mongo_latest.core_contract c;
