-- One row per latest address. Address lines, postcode and UPRN identify a home: personal data.
CREATE OR REPLACE VIEW uc_mongo_latest.address_v AS
SELECT
    get_json_object(a.id, '$.d_oid')                                                AS address_id,
    get_json_object(a.val, '$.lines[0]')                                            AS address_line_1,
    get_json_object(a.val, '$.lines[1]')                                            AS address_line_2,
    get_json_object(a.val, '$.town')                                                AS town,
    get_json_object(a.val, '$.postcode')                                            AS postcode,
    TRY_CAST(TRY_CAST(get_json_object(a.val, '$.uprn') AS DECIMAL(38, 0)) AS BIGINT) AS uprn,
    TRY_CAST(get_json_object(a.val, '$.verified') AS BOOLEAN)                       AS verified,
    a.created                                                                       AS created_date_time,
    a.last_modified                                                                 AS last_modified_date_time,
    'LATEST'                                                                        AS status
FROM uc_mongo_latest.accepted_data_address a;
