-- One row per latest claimant. Names, NINO, date of birth and contact details are personal data:
-- classification.csv keeps them out of ucs_latest_redacted.
CREATE OR REPLACE VIEW uc_mongo_latest.claimant_v AS
SELECT
    get_json_object(p.id, '$.citizenId')                                            AS citizen_id,
    get_json_object(p.val, '$.contractId')                                          AS contract_id,
    get_json_object(p.val, '$.nino')                                                AS nino,
    get_json_object(p.val, '$.firstName')                                           AS first_name,
    get_json_object(p.val, '$.lastName')                                            AS last_name,
    TRY_CAST(get_json_object(p.val, '$.dateOfBirth') AS DATE)                       AS date_of_birth,
    get_json_object(p.val, '$.email')                                               AS email,
    get_json_object(p.val, '$.phone')                                               AS phone,
    TRY_CAST(get_json_object(p.val, '$.identityVerified') AS BOOLEAN)               AS identity_verified,
    get_json_object(p.val, '$.preferredLanguage')                                   AS preferred_language,
    p.created                                                                       AS created_date_time,
    p.last_modified                                                                 AS last_modified_date_time,
    'LATEST'                                                                        AS status
FROM uc_mongo_latest.core_claimant p;
